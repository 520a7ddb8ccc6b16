package io.stackgate.server.auth;

import java.time.Duration;
import java.util.concurrent.atomic.AtomicLong;

import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.boot.webmvc.test.autoconfigure.WebMvcTest;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;
import org.springframework.context.annotation.Primary;
import org.springframework.test.context.bean.override.convention.TestBean;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;

import io.stackgate.cloudconfig.CloudConfig;
import io.stackgate.cloudconfig.DomainRef;
import io.stackgate.testing.AuthSliceBeans;
import io.stackgate.testing.EchoController;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * Per-caller token buckets: 3 requests and 1 create per 2 seconds, on a clock the tests
 * move.
 */
@WebMvcTest(controllers = EchoController.class,
		properties = { "stackgate.auth.mode=service", "stackgate.auth.api-keys[0].name=limited",
				"stackgate.auth.api-keys[0].sha256=05394356bb6a2ab60e1da9e20a905286a089ab3c4e12e7b685d4c7d6f5b044fa",
				"stackgate.auth.api-keys[0].role=operator", "stackgate.auth.api-keys[1].name=other",
				"stackgate.auth.api-keys[1].sha256=b80b82bdc98ca0549ccdab4c81a44f32f26617c2d3f5517d12866b629332d8bf",
				"stackgate.auth.api-keys[1].role=operator", "stackgate.auth.api-keys[2].name=creator",
				"stackgate.auth.api-keys[2].sha256=c524e0025e847ff852a0e0426483fea63aaf98e78afb2a01ddd944600a1eaa94",
				"stackgate.auth.api-keys[2].role=operator", "stackgate.auth.rate-limit.requests=3",
				"stackgate.auth.rate-limit.creates=1", "stackgate.auth.rate-limit.per=2s" })
@Import({ AuthConfiguration.class, EchoController.class, AuthSliceBeans.class, RateLimitTests.MovedClock.class })
class RateLimitTests {

	/** What the buckets read in place of {@code System.nanoTime()}. */
	private static final AtomicLong nanoTime = new AtomicLong();

	private static final String LIMITED_KEY = "lk-a9e3c5d71f2b4c68b0e1";

	private static final String OTHER_KEY = "xk-0c4b8e2f6a1d4937b5c8";

	private static final String CREATOR_KEY = "pk-51c7e9a2d4b84e3f9c07";

	@TestBean(enforceOverride = false)
	CloudConfig cloudConfig;

	@Autowired
	MockMvc mvc;

	static CloudConfig cloudConfig() {
		return new CloudConfig("test cloud", "http://127.0.0.1:1/v3", "gateway", "gateway-password", DomainRef.DEFAULT,
				"service", null, DomainRef.DEFAULT, null, "public", null, true);
	}

	@Test
	void overTheLimitIsTooManyRequestsWithRetryAfterAndThenRecovers() throws Exception {
		for (int i = 0; i < 3; i++) {
			this.mvc.perform(get("/api/v1/echo").header("X-API-Key", LIMITED_KEY)).andExpect(status().isOk());
		}
		MvcResult limited = this.mvc.perform(get("/api/v1/echo").header("X-API-Key", LIMITED_KEY))
			.andExpect(status().isTooManyRequests())
			.andExpect(header().exists("Retry-After"))
			.andExpect(jsonPath("$.type").value("https://stackgate.dev/problems/rate-limited"))
			.andReturn();
		this.mvc.perform(get("/api/v1/echo").header("X-API-Key", OTHER_KEY)).andExpect(status().isOk());
		long retryAfter = Long.parseLong(limited.getResponse().getHeader("Retry-After"));
		assertThat(retryAfter).isBetween(1L, 2L);

		nanoTime.addAndGet(Duration.ofSeconds(retryAfter).toNanos());

		this.mvc.perform(get("/api/v1/echo").header("X-API-Key", LIMITED_KEY)).andExpect(status().isOk());
	}

	@Test
	void aClientThatKeepsSendingBadCredentialsIsStopped() throws Exception {
		for (int i = 0; i < 3; i++) {
			this.mvc.perform(get("/api/v1/echo").header("X-API-Key", "guess-" + i).with(from("10.9.9.9")))
				.andExpect(status().isUnauthorized());
		}
		this.mvc.perform(get("/api/v1/echo").header("X-API-Key", "guess-3").with(from("10.9.9.9")))
			.andExpect(status().isTooManyRequests())
			.andExpect(header().exists("Retry-After"));
		this.mvc.perform(get("/api/v1/echo").header("X-API-Key", OTHER_KEY).with(from("10.8.8.8")))
			.andExpect(status().isOk());
	}

	private static org.springframework.test.web.servlet.request.RequestPostProcessor from(String address) {
		return (request) -> {
			request.setRemoteAddr(address);
			return request;
		};
	}

	@TestConfiguration(proxyBeanMethods = false)
	static class MovedClock {

		/** The configured limits, refilled as the test moves {@code nanoTime}. */
		@Bean
		@Primary
		RateLimiter movedRateLimiter(AuthProperties auth) {
			return new RateLimiter(auth.rateLimit(), nanoTime::get);
		}

	}

	@Test
	void createsHaveATighterLimit() throws Exception {
		this.mvc.perform(post("/api/v1/servers").header("X-API-Key", CREATOR_KEY)).andExpect(status().isAccepted());
		this.mvc.perform(post("/api/v1/servers").header("X-API-Key", CREATOR_KEY))
			.andExpect(status().isTooManyRequests())
			.andExpect(header().exists("Retry-After"));
		this.mvc.perform(get("/api/v1/echo").header("X-API-Key", CREATOR_KEY)).andExpect(status().isOk());
	}

}
