package io.stackgate.server.auth;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.webmvc.test.autoconfigure.WebMvcTest;
import org.springframework.context.annotation.Import;
import org.springframework.test.context.bean.override.convention.TestBean;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.RequestPostProcessor;

import io.stackgate.cloudconfig.CloudConfig;
import io.stackgate.cloudconfig.DomainRef;
import io.stackgate.testing.AuthSliceBeans;
import io.stackgate.testing.EchoController;

import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.delete;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * Mode service: API keys with roles, the client-network allow-list and trusted proxies.
 */
@WebMvcTest(controllers = EchoController.class,
		properties = { "stackgate.auth.mode=service", "stackgate.auth.api-keys[0].name=ci-reader",
				"stackgate.auth.api-keys[0].sha256=00fc3690785cfb1a2609ebcfc50eaedf841e2ea985f9851947825ce308deef44",
				"stackgate.auth.api-keys[0].role=reader", "stackgate.auth.api-keys[1].name=ops",
				"stackgate.auth.api-keys[1].sha256=BEABCC44EAB1F4B7BEAE86BC89C43C309F65F5E3D720F9731A8D4E85A5CB9243",
				"stackgate.auth.api-keys[1].role=operator",
				"stackgate.auth.allowed-networks=127.0.0.1, 10.0.0.0/8, fd00::/8",
				"stackgate.auth.trusted-proxies=127.0.0.1" })
@Import({ AuthConfiguration.class, EchoController.class, AuthSliceBeans.class })
class ApiKeyAuthenticationTests {

	static final String READER_KEY = "rk-3f9c2a71b8e04d5c9a61";

	static final String OPERATOR_KEY = "ok-8d2e5b7a19c34f60b2a4";

	@TestBean(enforceOverride = false)
	CloudConfig cloudConfig;

	@Autowired
	MockMvc mvc;

	static CloudConfig cloudConfig() {
		return new CloudConfig("test cloud", "http://127.0.0.1:1/v3", "gateway", "gateway-password", DomainRef.DEFAULT,
				"service", null, DomainRef.DEFAULT, null, "public", null, true);
	}

	@Test
	void aReaderKeyReadsAsTheGatewaysIdentityUnderItsName() throws Exception {
		this.mvc.perform(get("/api/v1/echo").header("X-API-Key", READER_KEY))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.project").value(AuthSliceBeans.SERVICE_PROJECT))
			.andExpect(jsonPath("$.principal").value("ci-reader"));
	}

	@Test
	void aReaderKeyCannotCreateOrDelete() throws Exception {
		this.mvc.perform(post("/api/v1/servers").header("X-API-Key", READER_KEY))
			.andExpect(status().isForbidden())
			.andExpect(jsonPath("$.type").value("https://stackgate.dev/problems/forbidden"))
			.andExpect(jsonPath("$.detail").value("The API key 'ci-reader' may only read"));
		this.mvc.perform(delete("/api/v1/servers/s-1").header("X-API-Key", READER_KEY))
			.andExpect(status().isForbidden());
	}

	@Test
	void anOperatorKeyCreatesAndDeletes() throws Exception {
		this.mvc.perform(post("/api/v1/servers").header("X-API-Key", OPERATOR_KEY)).andExpect(status().isAccepted());
		this.mvc.perform(delete("/api/v1/servers/s-1").header("X-API-Key", OPERATOR_KEY))
			.andExpect(status().isAccepted());
	}

	@Test
	void aRequestWithoutAKeyIsUnauthorized() throws Exception {
		this.mvc.perform(get("/api/v1/echo"))
			.andExpect(status().isUnauthorized())
			.andExpect(header().string("WWW-Authenticate", "ApiKey header=\"X-API-Key\""))
			.andExpect(jsonPath("$.type").value("https://stackgate.dev/problems/unauthenticated"));
	}

	@ParameterizedTest(name = "[{index}] {0}")
	@ValueSource(strings = { "RK-3F9C2A71B8E04D5C9A61", "Rk-3f9c2a71b8e04d5c9a61", "rk-3f9c2a71b8e04d5c9a6",
			"rk-3f9c2a71b8e04d5c9a61 x", "rk-3f9c2a71b8e04d5c9a611",
			"00fc3690785cfb1a2609ebcfc50eaedf841e2ea985f9851947825ce308deef44", "unknown" })
	void anUnknownADifferentCaseOrATruncatedKeyIsUnauthorized(String key) throws Exception {
		this.mvc.perform(get("/api/v1/echo").header("X-API-Key", key))
			.andExpect(status().isUnauthorized())
			.andExpect(jsonPath("$.detail").value("Unknown API key"));
	}

	@Test
	void aKeystoneTokenIsNoKey() throws Exception {
		this.mvc.perform(get("/api/v1/echo").header("X-Auth-Token", "gAAAAAB-some-token"))
			.andExpect(status().isUnauthorized());
	}

	@Test
	void clientsOutsideTheAllowedNetworksAreForbiddenExceptForHealthProbes() throws Exception {
		this.mvc.perform(get("/api/v1/echo").header("X-API-Key", READER_KEY).with(from("192.168.1.5")))
			.andExpect(status().isForbidden())
			.andExpect(jsonPath("$.type").value("https://stackgate.dev/problems/forbidden"));
		this.mvc.perform(get("/actuator/prometheus").with(from("192.168.1.5"))).andExpect(status().isForbidden());
		this.mvc.perform(get("/actuator/health/liveness").with(from("192.168.1.5"))).andExpect(status().isOk());
		this.mvc.perform(get("/api/v1/echo").header("X-API-Key", READER_KEY).with(from("10.20.30.40")))
			.andExpect(status().isOk());
		this.mvc.perform(get("/api/v1/echo").header("X-API-Key", READER_KEY).with(from("fd12::1")))
			.andExpect(status().isOk());
	}

	@Test
	void forwardedForIsBelievedFromATrustedProxyOnly() throws Exception {
		this.mvc
			.perform(get("/api/v1/echo").header("X-API-Key", READER_KEY)
				.header("X-Forwarded-For", "10.1.2.3")
				.with(from("127.0.0.1")))
			.andExpect(status().isOk());
		this.mvc
			.perform(get("/api/v1/echo").header("X-API-Key", READER_KEY)
				.header("X-Forwarded-For", "192.168.1.5")
				.with(from("127.0.0.1")))
			.andExpect(status().isForbidden());
		this.mvc
			.perform(get("/api/v1/echo").header("X-API-Key", READER_KEY)
				.header("X-Forwarded-For", "10.1.2.3")
				.with(from("192.168.9.9")))
			.andExpect(status().isForbidden());
	}

	@Test
	void aClientCannotHideBehindAnAddressItWroteItself() throws Exception {
		this.mvc
			.perform(get("/api/v1/echo").header("X-API-Key", READER_KEY)
				.header("X-Forwarded-For", "10.1.2.3, 192.168.1.5")
				.with(from("127.0.0.1")))
			.andExpect(status().isForbidden());
		this.mvc
			.perform(get("/api/v1/echo").header("X-API-Key", READER_KEY)
				.header("X-Forwarded-For", "not-an-address")
				.with(from("127.0.0.1")))
			.andExpect(status().isForbidden());
	}

	private static RequestPostProcessor from(String address) {
		return (request) -> {
			request.setRemoteAddr(address);
			return request;
		};
	}

}
