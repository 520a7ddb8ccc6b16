package io.stackgate.server.hostile;

import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;

import org.junit.jupiter.api.Test;

import org.springframework.test.context.TestPropertySource;

import io.stackgate.server.cloud.openstack4j.KeystoneStubs;

import static com.github.tomakehurst.wiremock.client.WireMock.any;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathMatching;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * A token Keystone is slow to validate, then a Nova that does not answer: the request
 * still ends within one read timeout, its token's validation included (TokenLifetimeIT on
 * a loaded machine: a validation waited for, then a list's calls with a whole read
 * timeout of their own, outlasted the client's 60 s).
 */
@TestPropertySource(properties = "stackgate.upstream.read-timeout=3s")
class SlowValidationTests extends WireMockGateway {

	private static final Duration READ_TIMEOUT = Duration.ofSeconds(3);

	private static final Duration VALIDATION = Duration.ofSeconds(2);

	@Test
	void aTokensValidationCountsInTheRequestsReadTimeout() {
		KeystoneStubs keystone = new KeystoneStubs(openstack);
		String warm = "gAAAAAB-validated-at-once";
		keystone.validates(warm, Instant.now().plus(Duration.ofHours(1)));
		// Nova's version document read, so that the slow request's compute call is one.
		assertThat(getWithToken("/api/v1/flavors", warm).statusCode()).isEqualTo(200);

		String slow = "gAAAAAB-validated-slowly";
		keystone.validates(slow, Instant.now().plus(Duration.ofHours(1)), VALIDATION);
		openstack.stubFor(any(urlPathMatching("/(compute|network|image)/.*")).atPriority(1)
			.willReturn(okJson("{}").withFixedDelay(10_000)));
		long started = System.nanoTime();
		HttpResponse<String> answer = getWithToken("/api/v1/servers", slow);
		Duration took = Duration.ofNanos(System.nanoTime() - started);

		assertThat(answer.statusCode()).as(answer.body()).isEqualTo(504);
		assertThat(took)
			.as("the validation's %s and Nova's wait within one read timeout of %s", VALIDATION, READ_TIMEOUT)
			.isLessThan(READ_TIMEOUT.plusMillis(1500));
	}

}
