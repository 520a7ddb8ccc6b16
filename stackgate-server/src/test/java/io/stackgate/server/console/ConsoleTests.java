package io.stackgate.server.console;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.boot.webmvc.test.autoconfigure.WebMvcTest;
import org.springframework.context.annotation.ComponentScan;
import org.springframework.context.annotation.Import;
import org.springframework.test.context.bean.override.convention.TestBean;
import org.springframework.test.web.servlet.MockMvc;

import io.stackgate.cloudconfig.CloudConfig;
import io.stackgate.cloudconfig.DomainRef;
import io.stackgate.testing.AuthSliceBeans;
import io.stackgate.testing.EchoController;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * The console's files are served without credentials and with the browser protections;
 * the API beside them still wants an API key and gets no console headers.
 */
@WebMvcTest(controllers = { ConsoleController.class, EchoController.class },
		properties = { "stackgate.auth.mode=service", "stackgate.auth.api-keys[0].name=ops",
				"stackgate.auth.api-keys[0].sha256=BEABCC44EAB1F4B7BEAE86BC89C43C309F65F5E3D720F9731A8D4E85A5CB9243",
				"stackgate.auth.api-keys[0].role=operator" })
@Import({ ConsoleConfiguration.class, ConsoleTests.Authentication.class, EchoController.class, AuthSliceBeans.class })
class ConsoleTests {

	private static final String CSP = "default-src 'none'; script-src 'self'; style-src 'self'; img-src 'self'; "
			+ "connect-src 'self'; form-action 'none'; base-uri 'none'; frame-ancestors 'none'";

	@TestBean(enforceOverride = false)
	CloudConfig cloudConfig;

	@Autowired
	MockMvc mvc;

	static CloudConfig cloudConfig() {
		return new CloudConfig("test cloud", "http://127.0.0.1:1/v3", "gateway", "gateway-password", DomainRef.DEFAULT,
				"service", null, DomainRef.DEFAULT, null, "public", null, true);
	}

	/**
	 * The gateway's real authentication filters, package-private in their own package.
	 */
	@TestConfiguration(proxyBeanMethods = false)
	@ComponentScan("io.stackgate.server.auth")
	static class Authentication {

	}

	@Test
	void thePageIsServedAtTheRootWithoutCredentialsAndWithTheSecurityHeaders() throws Exception {
		this.mvc.perform(get("/"))
			.andExpect(status().isOk())
			.andExpect(content().contentTypeCompatibleWith("text/html"))
			.andExpect(content().string(containsString("<title>Stackgate console</title>")))
			.andExpect(header().string("Content-Security-Policy", CSP))
			.andExpect(header().string("X-Content-Type-Options", "nosniff"))
			.andExpect(header().string("X-Frame-Options", "DENY"))
			.andExpect(header().string("Referrer-Policy", "no-referrer"));
	}

	@ParameterizedTest
	@ValueSource(strings = { "/index.html", "/console/app.js", "/console/api.js", "/console/console.css" })
	void everyFileOfTheConsoleHasTheSecurityHeaders(String path) throws Exception {
		this.mvc.perform(get(path))
			.andExpect(status().isOk())
			.andExpect(header().string("Content-Security-Policy", CSP))
			.andExpect(header().string("X-Content-Type-Options", "nosniff"))
			.andExpect(header().string("Cache-Control", "no-cache"));
	}

	@Test
	void scriptsAreServedAsJavaScriptForModuleLoading() throws Exception {
		this.mvc.perform(get("/console/app.js"))
			.andExpect(content().contentTypeCompatibleWith("text/javascript"))
			.andExpect(content().string(containsString("import")));
	}

	@Test
	void thePageHasNoInlineScriptOrStyle() throws Exception {
		String page = this.mvc.perform(get("/index.html")).andReturn().getResponse().getContentAsString();
		assertThat(page).contains("<script type=\"module\" src=\"console/app.js\"></script>")
			.doesNotContainPattern("<script(?![^>]*\\ssrc=)[^>]*>")
			.doesNotContainPattern("\\s(style|on[a-z]+)=")
			.doesNotContain("<style");
	}

	@Test
	void theSettingsTellTheAuthModeWithoutCredentials() throws Exception {
		this.mvc.perform(get("/console/settings"))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.auth_mode").value("service"))
			.andExpect(header().string("Content-Security-Policy", CSP));
	}

	@Test
	void theApiStillNeedsCredentialsAndGetsNoConsoleHeaders() throws Exception {
		this.mvc.perform(get("/api/v1/echo"))
			.andExpect(status().isUnauthorized())
			.andExpect(header().doesNotExist("Content-Security-Policy"));
		this.mvc.perform(get("/api/v1/echo").header("X-API-Key", "ok-8d2e5b7a19c34f60b2a4"))
			.andExpect(status().isOk())
			.andExpect(header().doesNotExist("Content-Security-Policy"));
	}

}
