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
 * A caller comes back with a new token while OpenStack is slow (every Nova, Neutron and
 * Glance answer delayed past the read timeout), after its old token got too close to its
 * expiry to refresh the live view with and after the launch options' TTL: the server list
 * and the launch options are still answered from what the gateway holds, at once, with
 * their {@code Age}, never with a 5xx. Only Keystone is asked, to validate the new token.
 */
@TestPropertySource(properties = { "stackgate.upstream.read-timeout=3s", "stackgate.live.token-margin=5s",
		"stackgate.live.poll-interval=200ms", "stackgate.cache.launch-options-ttl=1s" })
class NewTokenDuringSlowdownTests extends WireMockGateway {

	private static final Duration READ_TIMEOUT = Duration.ofSeconds(3);

	private static final String OLD_TOKEN = "gAAAAAB-token-about-to-expire";

	private static final String NEW_TOKEN = "gAAAAAB-token-just-issued";

	@Test
	void aNewTokenDuringASlowdownIsAnsweredFromMemory() throws Exception {
		KeystoneStubs keystone = new KeystoneStubs(openstack);
		keystone.validates(OLD_TOKEN, Instant.now().plusSeconds(7));
		assertThat(getWithToken("/api/v1/servers", OLD_TOKEN).statusCode()).isEqualTo(200);
		assertThat(getWithToken("/api/v1/launch-options", OLD_TOKEN).statusCode()).isEqualTo(200);

		// The old token is now within the margin (no poll may use it) and the launch
		// options are past their TTL.
		Thread.sleep(3_000);
		openstack.stubFor(any(urlPathMatching("/(compute|network|image)/.*")).atPriority(1)
			.willReturn(okJson("{}").withFixedDelay(10_000)));
		keystone.validates(NEW_TOKEN, Instant.now().plus(Duration.ofHours(1)));

		for (String path : new String[] { "/api/v1/servers", "/api/v1/launch-options" }) {
			long started = System.nanoTime();
			HttpResponse<String> answer = getWithToken(path, NEW_TOKEN);
			Duration took = Duration.ofNanos(System.nanoTime() - started);
			assertThat(answer.statusCode()).as(path + ": " + answer.body()).isEqualTo(200);
			assertThat(took).as(path + " answered without waiting for OpenStack").isLessThan(READ_TIMEOUT);
			assertThat(answer.headers().firstValueAsLong("Age").orElse(0)).as(path + "'s Age")
				.isGreaterThanOrEqualTo(1);
		}
	}

}
