package io.stackgate.server.cloud.openstack4j;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;

import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.health.contributor.HealthIndicator;

import io.stackgate.server.cloud.CloudException;

/**
 * Ready when Keystone answers and the gateway holds a valid token of its own.
 */
class KeystoneHealthIndicator implements HealthIndicator {

	private static final Duration PROBE_TIMEOUT = Duration.ofSeconds(5);

	private final KeystoneSession session;

	private final URI authUrl;

	private final HttpClient http = HttpClient.newBuilder().connectTimeout(PROBE_TIMEOUT).build();

	KeystoneHealthIndicator(KeystoneSession session, URI authUrl) {
		this.session = session;
		this.authUrl = authUrl;
	}

	@Override
	public Health health() {
		try {
			this.session.token();
		}
		catch (CloudException ex) {
			return Health.down().withDetail("reason", ex.getMessage()).build();
		}
		try {
			HttpRequest probe = HttpRequest.newBuilder(this.authUrl).timeout(PROBE_TIMEOUT).GET().build();
			int status = this.http.send(probe, HttpResponse.BodyHandlers.discarding()).statusCode();
			return (status < 500) ? Health.up().build()
					: Health.down().withDetail("reason", "Keystone answered " + status).build();
		}
		catch (IOException ex) {
			return Health.down().withDetail("reason", "Keystone could not be reached: " + ex).build();
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			return Health.down().build();
		}
	}

}
