package io.stackgate.server.cloud.openstack4j;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.URI;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;

import com.sun.net.httpserver.HttpServer;
import okhttp3.OkHttpClient;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.boot.health.contributor.Status;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.Mockito.mock;

class KeystoneHealthIndicatorTests {

	private final AtomicInteger probes = new AtomicInteger();

	private final AtomicLong now = new AtomicLong();

	private final List<Runnable> prober = new ArrayList<>();

	private HttpServer keystone;

	private KeystoneHealthIndicator indicator;

	@BeforeEach
	void startKeystone() throws IOException {
		this.keystone = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
		this.keystone.createContext("/v3", (exchange) -> {
			this.probes.incrementAndGet();
			exchange.sendResponseHeaders(200, -1);
			exchange.close();
		});
		this.keystone.start();
		URI authUrl = URI.create("http://127.0.0.1:" + this.keystone.getAddress().getPort() + "/v3");
		this.indicator = new KeystoneHealthIndicator(mock(KeystoneSession.class), authUrl, new OkHttpClient(),
				this.now::get, this.prober::add);
	}

	@AfterEach
	void stopKeystone() {
		this.keystone.stop(0);
	}

	@Test
	void readinessAskedManyTimesInASecondProbesKeystoneOnce() {
		for (int i = 0; i < 20; i++) {
			assertThat(this.indicator.health().getStatus()).isEqualTo(Status.UP);
			this.now.addAndGet(Duration.ofMillis(40).toNanos());
		}
		assertThat(this.probes).hasValue(1);

		this.now.addAndGet(Duration.ofMillis(200).toNanos());
		this.indicator.health();
		this.indicator.health();
		assertThat(this.prober).hasSize(1);
		probe();
		assertThat(this.probes).hasValue(2);
	}

	@Test
	void aCheckDuringAProbeAnswersTheLastResultWithoutWaitingForKeystone() {
		assertThat(this.indicator.health().getStatus()).isEqualTo(Status.UP);
		this.keystone.stop(0);
		this.now.addAndGet(Duration.ofSeconds(1).toNanos());

		assertThat(this.indicator.health().getStatus()).as("while the probe has not run").isEqualTo(Status.UP);
		assertThat(this.probes).hasValue(1);
		probe();

		assertThat(this.indicator.health().getStatus()).as("after it ran").isEqualTo(Status.DOWN);
	}

	private void probe() {
		this.prober.forEach(Runnable::run);
		this.prober.clear();
	}

}
