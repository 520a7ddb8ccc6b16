package io.stackgate.server.auth;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import com.github.tomakehurst.wiremock.client.WireMock;
import com.github.tomakehurst.wiremock.http.Fault;
import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.extension.RegisterExtension;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.webmvc.test.autoconfigure.WebMvcTest;
import org.springframework.context.annotation.Import;
import org.springframework.http.MediaType;
import org.springframework.test.context.bean.override.convention.TestBean;
import org.springframework.test.web.servlet.MockMvc;

import io.stackgate.cloudconfig.CloudConfig;
import io.stackgate.cloudconfig.DomainRef;
import io.stackgate.server.cloud.CallerTokens;
import io.stackgate.server.cloud.openstack4j.KeystoneStubs;
import io.stackgate.testing.AuthSliceBeans;
import io.stackgate.testing.EchoController;
import io.stackgate.testing.MutableClock;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.nullValue;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * Mode keystone against a Keystone on WireMock: the real filters, validation cache and
 * adapter, on a clock the tests move.
 */
@WebMvcTest(controllers = AuthTokenController.class,
		properties = { "stackgate.auth.mode=keystone", "stackgate.auth.token-cache-ttl=5s" })
@Import({ AuthConfiguration.class, AuthTokenController.class, EchoController.class, AuthSliceBeans.class })
class KeystoneAuthenticationTests {

	private static final Duration TTL = Duration.ofSeconds(5);

	@RegisterExtension
	static WireMockExtension keystone = WireMockExtension.newInstance().options(wireMockConfig().dynamicPort()).build();

	/** The time of the validation cache and of the adapter. */
	private static final MutableClock clock = new MutableClock(Instant.now());

	@TestBean(enforceOverride = false)
	CloudConfig cloudConfig;

	@TestBean(enforceOverride = false)
	CallerTokens callerTokens;

	@TestBean
	Clock gatewayClock;

	@Autowired
	MockMvc mvc;

	static CloudConfig cloudConfig() {
		return new CloudConfig("test cloud", new KeystoneStubs(keystone).authUrl(), "gateway", "gateway-password",
				DomainRef.DEFAULT, "service", null, DomainRef.DEFAULT, "RegionOne", "public", null, true);
	}

	static CallerTokens callerTokens() {
		return new KeystoneStubs(keystone).callerTokens(clock);
	}

	static Clock gatewayClock() {
		return clock;
	}

	private KeystoneStubs stubs() {
		return new KeystoneStubs(keystone);
	}

	private static String token(String name) {
		return "gAAAAAB-" + name + "-" + System.nanoTime();
	}

	@Test
	void aRequestWithoutATokenIsUnauthorizedWithTheKeystoneChallenge() throws Exception {
		this.mvc.perform(get("/api/v1/echo"))
			.andExpect(status().isUnauthorized())
			.andExpect(header().string("WWW-Authenticate", "Keystone uri=\"" + stubs().authUrl() + "\""))
			.andExpect(content().contentType(MediaType.APPLICATION_PROBLEM_JSON))
			.andExpect(jsonPath("$.type").value("https://stackgate.dev/problems/unauthenticated"))
			.andExpect(jsonPath("$.instance").value("/api/v1/echo"))
			.andExpect(jsonPath("$.request_id").isNotEmpty());
	}

	@ParameterizedTest
	@ValueSource(strings = { "gAAAAAB-token\u00e9", "\u00c3\u00a9gAAAAAB", "gAAAA\u0001AB", "gAAAA AB" })
	void aTokenThatCannotBeAKeystoneTokenIsUnauthorizedWithoutAskingKeystone(String token) throws Exception {
		this.mvc.perform(get("/api/v1/echo").header("X-Auth-Token", token))
			.andExpect(status().isUnauthorized())
			.andExpect(content().contentType(MediaType.APPLICATION_PROBLEM_JSON))
			.andExpect(jsonPath("$.request_id").isNotEmpty());

		keystone.verify(0, getRequestedFor(urlEqualTo("/identity/v3/auth/tokens")));
	}

	@Test
	void aValidTokenActsAsItsUserInItsProject() throws Exception {
		String token = token("valid");
		stubs().validates(token, clock.instant().plus(Duration.ofHours(1)));

		this.mvc.perform(get("/api/v1/echo").header("X-Auth-Token", token))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.project").value("p-demo"))
			.andExpect(jsonPath("$.user").value("demo"))
			.andExpect(jsonPath("$.principal").value("demo@demo"));
	}

	@Test
	void manyRequestsWithOneTokenAskKeystoneOnce() throws Exception {
		String token = token("busy");
		stubs().validates(token, clock.instant().plus(Duration.ofHours(1)));
		ExecutorService threads = Executors.newFixedThreadPool(16);
		try {
			CountDownLatch start = new CountDownLatch(1);
			List<Future<Integer>> statuses = new ArrayList<>();
			for (int i = 0; i < 16; i++) {
				statuses.add(threads.submit(() -> {
					start.await();
					return this.mvc.perform(get("/api/v1/echo").header("X-Auth-Token", token))
						.andReturn()
						.getResponse()
						.getStatus();
				}));
			}
			start.countDown();
			for (Future<Integer> status : statuses) {
				assertThat(status.get()).isEqualTo(200);
			}
		}
		finally {
			threads.shutdownNow();
		}
		for (int i = 0; i < 50; i++) {
			this.mvc.perform(get("/api/v1/echo").header("X-Auth-Token", token)).andExpect(status().isOk());
		}

		keystone.verify(1,
				getRequestedFor(urlEqualTo("/identity/v3/auth/tokens")).withHeader("X-Subject-Token", equalTo(token)));
	}

	@Test
	void aCachedValidationIsNotUsedPastTheTokensExpiry() throws Exception {
		String token = token("short");
		stubs().validates(token, clock.instant().plus(Duration.ofSeconds(3)));
		this.mvc.perform(get("/api/v1/echo").header("X-Auth-Token", token)).andExpect(status().isOk());

		clock.advance(Duration.ofSeconds(3));

		this.mvc.perform(get("/api/v1/echo").header("X-Auth-Token", token))
			.andExpect(status().isUnauthorized())
			.andExpect(jsonPath("$.detail").value("The token has expired"));
		keystone.verify(1,
				getRequestedFor(urlEqualTo("/identity/v3/auth/tokens")).withHeader("X-Subject-Token", equalTo(token)));
	}

	@Test
	void aRevokedTokenIsRefusedOnceTheCacheTtlHasPassed() throws Exception {
		String token = token("revoked");
		stubs().validates(token, clock.instant().plus(Duration.ofHours(1)));
		this.mvc.perform(get("/api/v1/echo").header("X-Auth-Token", token)).andExpect(status().isOk());
		keystone.stubFor(WireMock.get(urlEqualTo("/identity/v3/auth/tokens"))
			.withHeader("X-Subject-Token", equalTo(token))
			.willReturn(aResponse().withStatus(404)
				.withHeader("Content-Type", "application/json")
				.withBody("{\"error\": {\"code\": 404, \"message\": \"Could not find token.\"}}")));

		// Revoked right after Keystone accepted it: refused no later than one TTL after.
		clock.advance(TTL);

		this.mvc.perform(get("/api/v1/echo").header("X-Auth-Token", token))
			.andExpect(status().isUnauthorized())
			.andExpect(header().exists("WWW-Authenticate"))
			.andExpect(jsonPath("$.detail").value("Keystone does not accept the token"));
		this.mvc.perform(get("/api/v1/echo").header("X-Auth-Token", token)).andExpect(status().isUnauthorized());
		keystone.verify(2,
				getRequestedFor(urlEqualTo("/identity/v3/auth/tokens")).withHeader("X-Subject-Token", equalTo(token)));
	}

	@Test
	void aKeystoneWhoseConnectionBreaksIsAGatewayTimeoutAndNothingIsCached() throws Exception {
		String token = token("down");
		keystone.stubFor(WireMock.get(urlEqualTo("/identity/v3/auth/tokens"))
			.withHeader("X-Subject-Token", equalTo(token))
			.willReturn(aResponse().withFault(Fault.CONNECTION_RESET_BY_PEER)));

		this.mvc.perform(get("/api/v1/echo").header("X-Auth-Token", token))
			.andExpect(status().isGatewayTimeout())
			.andExpect(content().contentType(MediaType.APPLICATION_PROBLEM_JSON))
			.andExpect(jsonPath("$.type").value("https://stackgate.dev/problems/upstream-timeout"))
			.andExpect(jsonPath("$.openstack_service").value("identity"));

		stubs().validates(token, clock.instant().plus(Duration.ofHours(1)));
		this.mvc.perform(get("/api/v1/echo").header("X-Auth-Token", token)).andExpect(status().isOk());
	}

	@Test
	void identityHeadersFromTheClientAreStripped() throws Exception {
		String token = token("spoof");
		stubs().validates(token, clock.instant().plus(Duration.ofHours(1)));

		this.mvc
			.perform(get("/api/v1/echo").header("X-Auth-Token", token)
				.header("X-User-Id", "admin")
				.header("X-Roles", "admin")
				.header("X-Project-Id", "p-admin")
				.header("X-Identity-Status", "Confirmed"))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.project").value("p-demo"))
			.andExpect(jsonPath("$.x_user_id").value(nullValue()))
			.andExpect(jsonPath("$.x_roles").value(nullValue()))
			.andExpect(jsonPath("$.x_project_id").value(nullValue()))
			.andExpect(jsonPath("$.x_identity_status").value(nullValue()))
			.andExpect(jsonPath("$.header_names").value(not(hasItem("X-User-Id"))));
	}

	@Test
	void aLaterRefusalByOpenStackCarriesTheChallengeToo() throws Exception {
		String token = token("refused-later");
		stubs().validates(token, clock.instant().plus(Duration.ofHours(1)));

		this.mvc.perform(get("/api/v1/echo/refused").header("X-Auth-Token", token))
			.andExpect(status().isUnauthorized())
			.andExpect(header().string("WWW-Authenticate", "Keystone uri=\"" + stubs().authUrl() + "\""))
			.andExpect(jsonPath("$.type").value("https://stackgate.dev/problems/unauthenticated"));
	}

	@Test
	void healthProbesNeedNoToken() throws Exception {
		this.mvc.perform(get("/actuator/health/liveness")).andExpect(status().isOk());
	}

	@Test
	void aPasswordLoginGivesATokenToSendBack() throws Exception {
		stubs().issuesTokens(Duration.ofHours(1));

		this.mvc
			.perform(post("/api/v1/auth/tokens").contentType(MediaType.APPLICATION_JSON)
				.content("{\"username\": \"demo\", \"password\": \"s3cret-pw\", \"project\": \"demo\"}"))
			.andExpect(status().isCreated())
			.andExpect(header().string("Cache-Control", "no-store"))
			.andExpect(jsonPath("$.token").value(KeystoneStubs.issuedToken()))
			.andExpect(jsonPath("$.expires_at").isNotEmpty())
			.andExpect(jsonPath("$.user").value("demo"))
			.andExpect(jsonPath("$.project").value("demo"));
	}

	/**
	 * Keystone described the token when it issued it: asking it again on the token's
	 * first request would only add a call that a busy Keystone can make slow.
	 */
	@Test
	void aTokenTheGatewayIssuedActsAtOnceWithoutAValidation() throws Exception {
		stubs().issuesTokens(Duration.ofHours(1));
		this.mvc
			.perform(post("/api/v1/auth/tokens").contentType(MediaType.APPLICATION_JSON)
				.content("{\"username\": \"demo\", \"password\": \"s3cret-pw\", \"project\": \"demo\"}"))
			.andExpect(status().isCreated());

		this.mvc.perform(get("/api/v1/echo").header("X-Auth-Token", KeystoneStubs.issuedToken()))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.principal").value("demo@demo"));
		keystone.verify(0, getRequestedFor(urlEqualTo("/identity/v3/auth/tokens")));
	}

	@Test
	void aLoginWithoutAPasswordIsABadRequest() throws Exception {
		this.mvc
			.perform(post("/api/v1/auth/tokens").contentType(MediaType.APPLICATION_JSON)
				.content("{\"username\": \"demo\", \"project\": \"demo\"}"))
			.andExpect(status().isBadRequest())
			.andExpect(jsonPath("$.errors[0].field").value("password"));
	}

	@Test
	void aWrongPasswordIsUnauthorized() throws Exception {
		keystone.stubFor(WireMock.post(urlEqualTo("/identity/v3/auth/tokens"))
			.willReturn(aResponse().withStatus(401)
				.withHeader("Content-Type", "application/json")
				.withBody(
						"{\"error\": {\"code\": 401, \"message\": \"The request you have made requires authentication.\"}}")));

		this.mvc
			.perform(post("/api/v1/auth/tokens").contentType(MediaType.APPLICATION_JSON)
				.content("{\"username\": \"demo\", \"password\": \"wrong-pw\", \"project\": \"demo\"}"))
			.andExpect(status().isUnauthorized())
			.andExpect(header().exists("WWW-Authenticate"))
			.andExpect(jsonPath("$.type").value("https://stackgate.dev/problems/unauthenticated"))
			.andExpect(content().string(not(org.hamcrest.Matchers.containsString("wrong-pw"))));
	}

}
