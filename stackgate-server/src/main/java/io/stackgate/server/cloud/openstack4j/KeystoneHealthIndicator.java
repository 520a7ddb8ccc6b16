package io.stackgate.server.cloud.openstack4j;

import java.io.IOException;
import java.net.URI;
import java.time.Duration;
import java.util.concurrent.Executor;
import java.util.concurrent.Executors;
import java.util.function.LongSupplier;

import okhttp3.OkHttpClient;
import okhttp3.Request;
import okhttp3.Response;

import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.health.contributor.HealthIndicator;

import io.stackgate.server.cloud.CloudException;

/**
 * Ready when Keystone answers and the gateway holds a valid token of its own. Keystone is
 * probed at most once a second, however often readiness is asked (several load balancers,
 * a test polling it), and never on the asker's thread but the first: a check answers the
 * last probe's result at once and starts the next probe in the background when that
 * result is a second old. A Keystone that is slow to answer (busy validating the tokens
 * of restarted services) thus does not hold a load balancer's check past its timeout.
 */
class KeystoneHealthIndicator implements HealthIndicator {

	/** How long a probe of Keystone may take. */
	static final Duration PROBE_TIMEOUT = Duration.ofSeconds(5);

	private static final long REUSE_NANOS = Duration.ofSeconds(1).toNanos();

	private Health last;

	private long lastAt;

	private boolean probing;

	private final KeystoneSession session;

	private final URI authUrl;

	private final OkHttpClient http;

	private final LongSupplier nanoTime;

	private final Executor prober;

	KeystoneHealthIndicator(KeystoneSession session, URI authUrl, OkHttpClient http) {
		this(session, authUrl, http, System::nanoTime, Executors.newSingleThreadExecutor((probe) -> {
			Thread thread = new Thread(probe, "keystone-readiness");
			thread.setDaemon(true);
			return thread;
		}));
	}

	KeystoneHealthIndicator(KeystoneSession session, URI authUrl, OkHttpClient http, LongSupplier nanoTime,
			Executor prober) {
		this.session = session;
		this.http = http;
		this.authUrl = authUrl;
		this.nanoTime = nanoTime;
		this.prober = prober;
	}

	@Override
	public Health health() {
		synchronized (this) {
			if (this.last == null) {
				record(check());
			}
			if (this.probing || this.nanoTime.getAsLong() - this.lastAt < REUSE_NANOS) {
				return this.last;
			}
			this.probing = true;
		}
		this.prober.execute(() -> record(check()));
		synchronized (this) {
			return this.last;
		}
	}

	private synchronized void record(Health health) {
		this.last = health;
		this.lastAt = this.nanoTime.getAsLong();
		this.probing = false;
	}

	private Health check() {
		try {
			this.session.token();
		}
		catch (CloudException ex) {
			return Health.down().withDetail("reason", ex.getMessage()).build();
		}
		Request probe = new Request.Builder().url(this.authUrl.toString()).build();
		try (Response response = this.http.newCall(probe).execute()) {
			int status = response.code();
			return (status < 500) ? Health.up().build()
					: Health.down().withDetail("reason", "Keystone answered " + status).build();
		}
		catch (IOException ex) {
			String reason = TlsFailures.isHandshake(ex) ? TlsFailures.describe(ex) : ex.toString();
			return Health.down().withDetail("reason", "Keystone could not be reached: " + reason).build();
		}
	}

}
