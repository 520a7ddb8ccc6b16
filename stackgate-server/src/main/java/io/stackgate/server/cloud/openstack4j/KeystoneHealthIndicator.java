package io.stackgate.server.cloud.openstack4j;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.function.LongSupplier;

import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.health.contributor.HealthIndicator;

import io.stackgate.server.cloud.CloudException;

/**
 * Ready when Keystone answers and the gateway holds a valid token of its own. Keystone is
 * probed at most once a second, however often readiness is asked (several load balancers,
 * a test polling it): checks that come meanwhile get the last answer, and checks that
 * come during a probe wait for it.
 */
class KeystoneHealthIndicator implements HealthIndicator {

	private static final Duration PROBE_TIMEOUT = Duration.ofSeconds(5);

	private static final long REUSE_NANOS = Duration.ofSeconds(1).toNanos();

	private Health last;

	private long lastAt;

	private final KeystoneSession session;

	private final URI authUrl;

	private final HttpClient http = HttpClient.newBuilder().connectTimeout(PROBE_TIMEOUT).build();

	private final LongSupplier nanoTime;

	KeystoneHealthIndicator(KeystoneSession session, URI authUrl) {
		this(session, authUrl, System::nanoTime);
	}

	KeystoneHealthIndicator(KeystoneSession session, URI authUrl, LongSupplier nanoTime) {
		this.session = session;
		this.authUrl = authUrl;
		this.nanoTime = nanoTime;
	}

	@Override
	public synchronized Health health() {
		if (this.last == null || this.nanoTime.getAsLong() - this.lastAt >= REUSE_NANOS) {
			this.last = check();
			this.lastAt = this.nanoTime.getAsLong();
		}
		return this.last;
	}

	private Health check() {
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
