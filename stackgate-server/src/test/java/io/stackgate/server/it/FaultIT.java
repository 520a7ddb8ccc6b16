package io.stackgate.server.it;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import io.stackgate.itsupport.RealCloud;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Real OpenStack services stopped under load ({@code devcloud/stop}, {@code devcloud/start}): during the outage
 * only 503/504 problems naming the service or cached answers, nothing hangs past the read timeout + 2 s,
 * readiness follows Keystone, and the gateway answers again within 5 s of the service. Every stopped service is
 * started again, also when a test fails or the JVM is stopped. Runs against the cloud of {@code DEVCLOUD_HOME}
 * (see docs/operations.md): never against a cloud others use at the same time.
 */
class FaultIT {

	private static final Duration READ_TIMEOUT = Duration.ofSeconds(10);

	private static final Duration OUTAGE = Duration.ofSeconds(Long.getLong("fault.outage-seconds", 30));

	private static final Duration ANSWER_BOUND = READ_TIMEOUT.plusSeconds(2);

	private static final Set<String> stopped = ConcurrentHashMap.newKeySet();

	private static Gateway gateway;

	private static Gateway client;

	private static String token;

	private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();

	@BeforeAll
	static void start() throws Exception {
		Runtime.getRuntime().addShutdownHook(new Thread(FaultIT::restoreAll, "fault-it-restore"));
		RealCloud cloud = RealCloud.fromEnvironment();
		gateway = Gateway.start("stackgate.auth.mode=keystone", "stackgate.auth.rate-limit.requests=0",
				"stackgate.upstream.read-timeout=" + READ_TIMEOUT.toSeconds() + "s",
				"stackgate.upstream.connect-timeout=2s", "stackgate.cache.launch-options-ttl=10s",
				"stackgate.auth.token-cache-ttl=10s");
		token = cloud.token();
		client = gateway.as("X-Auth-Token", token);
	}

	@AfterAll
	static void stop() {
		restoreAll();
		if (gateway != null) {
			gateway.close();
		}
	}

	@ParameterizedTest(name = "{0} stopped for the outage")
	@CsvSource({ "keystone, Keystone", "nova-api, Nova", "neutron, Neutron", "glance, Glance" })
	void anOutageEndsInProblemsNamingTheServiceOrCachedAnswersAndTheGatewayRecovers(String service, String project)
			throws Exception {
		awaitStatus("/api/v1/servers", 200, Duration.ofSeconds(60));
		client.get("/api/v1/launch-options");
		Load load = new Load();
		load.start();
		try {
			Thread.sleep(2000);
			devcloud("stop", service);
			stopped.add(service);
			long outageStart = System.nanoTime();
			if (service.equals("keystone")) {
				Duration down = awaitReadiness("DOWN", Duration.ofSeconds(10));
				System.out.printf("fault %s: readiness DOWN after %d ms%n", service, down.toMillis());
				assertThat(down).as("readiness DOWN after Keystone went").isLessThanOrEqualTo(Duration.ofSeconds(5));
			}
			Thread.sleep(Math.max(0, OUTAGE.toMillis() - Duration.ofNanos(System.nanoTime() - outageStart).toMillis()));
			load.outageOver();
			devcloud("start", service);
			stopped.remove(service);
			Duration firstSuccess = awaitStatus("/api/v1/servers", 200, Duration.ofSeconds(30));
			Duration ready = awaitReadiness("UP", Duration.ofSeconds(30));
			load.stop();
			System.out.printf("fault %s: %d requests during the outage (%s), worst %d ms; first success %d ms and "
					+ "readiness UP %d ms after the service answered%n", service, load.duringOutage.size(),
					load.statuses(), load.worst().toMillis(), firstSuccess.toMillis(), ready.toMillis());
			assertThat(firstSuccess).isLessThanOrEqualTo(Duration.ofSeconds(5));
			assertThat(ready).isLessThanOrEqualTo(Duration.ofSeconds(5));
			assertThat(load.worst()).as("the slowest answer during the outage").isLessThan(ANSWER_BOUND);
			assertThat(load.errors).as("requests that got no answer").isEmpty();
			for (Answer answer : load.duringOutage) {
				if (answer.status() != 200) {
					assertThat(answer.status()).as(answer.body()).isIn(503, 504);
					assertThat(answer.body()).as("a problem naming the service").contains("\"request_id\"")
						.contains(project);
				}
			}
		}
		finally {
			load.stop();
			restoreAll();
		}
	}

	private Duration awaitStatus(String path, int status, Duration bound) throws Exception {
		long start = System.nanoTime();
		while (client.get(path).statusCode() != status) {
			assertThat(Duration.ofNanos(System.nanoTime() - start)).as("%s answering %d", path, status).isLessThan(bound);
			Thread.sleep(100);
		}
		return Duration.ofNanos(System.nanoTime() - start);
	}

	private Duration awaitReadiness(String status, Duration bound) throws Exception {
		long start = System.nanoTime();
		while (!client.anonymous().get("/actuator/health/readiness").body().contains("\"" + status + "\"")) {
			assertThat(Duration.ofNanos(System.nanoTime() - start)).as("readiness %s", status).isLessThan(bound);
			Thread.sleep(100);
		}
		return Duration.ofNanos(System.nanoTime() - start);
	}

	private static void devcloud(String command, String service) throws IOException, InterruptedException {
		Process process = new ProcessBuilder("../devcloud/" + command, service).inheritIO().start();
		assertThat(process.waitFor(300, TimeUnit.SECONDS)).as("devcloud/%s %s finished", command, service).isTrue();
		assertThat(process.exitValue()).as("devcloud/%s %s", command, service).isZero();
	}

	/** Starts every service a test stopped; from a finally block, @AfterAll and a JVM shutdown hook. */
	private static void restoreAll() {
		for (String service : List.copyOf(stopped)) {
			try {
				devcloud("start", service);
				stopped.remove(service);
			}
			catch (Exception | AssertionError ex) {
				System.err.println("fault IT: could not start " + service + " again: " + ex);
			}
		}
	}

	private record Answer(int status, String body, Duration took) {
	}

	/** Four clients mixing server lists and launch options. */
	private final class Load {

		private static final List<String> PATHS = List.of("/api/v1/servers", "/api/v1/launch-options",
				"/api/v1/servers", "/api/v1/flavors");

		final List<Answer> duringOutage = new CopyOnWriteArrayList<>();

		final List<Throwable> errors = new CopyOnWriteArrayList<>();

		private final AtomicBoolean running = new AtomicBoolean(true);

		private final AtomicBoolean outage = new AtomicBoolean(true);

		private final ExecutorService threads = Executors.newFixedThreadPool(PATHS.size());

		void start() {
			for (String path : PATHS) {
				this.threads.execute(() -> {
					while (this.running.get()) {
						call(path);
					}
				});
			}
		}

		private void call(String path) {
			long start = System.nanoTime();
			try {
				HttpResponse<String> response = FaultIT.this.http.send(
						HttpRequest.newBuilder(URI.create(gateway.baseUrl() + path))
							.header("X-Auth-Token", token)
							.timeout(ANSWER_BOUND.plusSeconds(10))
							.build(),
						HttpResponse.BodyHandlers.ofString());
				if (this.outage.get()) {
					this.duringOutage.add(new Answer(response.statusCode(), response.body(),
							Duration.ofNanos(System.nanoTime() - start)));
				}
			}
			catch (IOException ex) {
				this.errors.add(ex);
			}
			catch (InterruptedException ex) {
				Thread.currentThread().interrupt();
				this.running.set(false);
			}
		}

		void outageOver() {
			this.outage.set(false);
		}

		void stop() throws InterruptedException {
			this.running.set(false);
			this.threads.shutdown();
			this.threads.awaitTermination(ANSWER_BOUND.toSeconds() + 15, TimeUnit.SECONDS);
		}

		Duration worst() {
			return this.duringOutage.stream().map(Answer::took).max(Duration::compareTo).orElse(Duration.ZERO);
		}

		Map<Integer, Long> statuses() {
			Map<Integer, Long> counts = new java.util.TreeMap<>();
			this.duringOutage.forEach((answer) -> counts.merge(answer.status(), 1L, Long::sum));
			return counts;
		}

	}

}
