package io.stackgate.server.it;

import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Stream;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import tools.jackson.databind.JsonNode;

import io.stackgate.itsupport.LaunchTarget;
import io.stackgate.itsupport.RealCloud;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Real OpenStack services stopped under load ({@code devcloud/stop},
 * {@code devcloud/start}), one at a time: during the outage only 503/504 problems naming
 * the service or answers served from the caches, nothing past the read timeout + 2 s,
 * readiness DOWN within 5 s when Keystone goes; once the service answers again directly,
 * the gateway answers it within 5 s and is ready within 5 s; every launch made meanwhile
 * ends as one server or none (checked in Nova directly); threads, open files and heap do
 * not grow from one outage to the next. Every stopped service is started again, also when
 * a test fails or the JVM is stopped, so that the cloud is healthy for the tests after
 * this one; one that does not start fails the run. Runs against the cloud of
 * {@code DEVCLOUD_HOME} (see docs/operations.md).
 */
class FaultIT {

	private static final Duration READ_TIMEOUT = Duration.ofSeconds(10);

	private static final Duration CACHE_TTL = Duration.ofSeconds(10);

	private static final Duration OUTAGE = Duration.ofSeconds(Long.getLong("fault.outage-seconds", 30));

	/**
	 * The bound for an answer during an outage: the configured timeout + 2 s. The
	 * reads of one request share the read timeout.
	 */
	private static final Duration ANSWER_BOUND = READ_TIMEOUT.plusSeconds(2);

	/**
	 * A launch's create is a write, which keeps the whole read timeout after the reads
	 * before it (docs/operations.md), so that no create is cut short into a server the
	 * caller is told failed: a launch is bounded by twice the read timeout + 2 s.
	 */
	private static final Duration LAUNCH_BOUND = READ_TIMEOUT.multipliedBy(2).plusSeconds(2);

	private static final String LAUNCH = "/api/v1/servers (launch)";

	/**
	 * How soon after the service answers directly the gateway must answer it and be ready
	 * again.
	 */
	private static final Duration RECOVERY_BOUND = Duration.ofSeconds(5);

	/** Names of this run's servers start with it. */
	private static final String PREFIX = "fault-" + UUID.randomUUID().toString().substring(0, 6) + "-";

	/**
	 * Nova's own answer while a service it calls is out: it lists a server's security
	 * groups from Neutron and checks images in Glance, and answers 500 when it cannot
	 * (openstack4j keeps no body of a 5xx to tell why).
	 */
	private static final String NOVA_FAILED = "Nova answered 500";

	/**
	 * Nova's create while Keystone is out (it cannot get tokens of its own to reach
	 * Neutron and Glance), or while Neutron or Glance is (it tries them again past the
	 * gateway's read timeout: seen for 1 to 2 of the 6 launches of an outage, in three
	 * runs on 2026-12-07).
	 */
	private static final String NOVA_LATE = "Nova did not answer in time";

	private static final Set<String> stopped = ConcurrentHashMap.newKeySet();

	private static final ExecutorService readinessProbe = Executors.newSingleThreadExecutor();

	private static final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();

	private static RealCloud cloud;

	/** What the launches during an outage launch from. */
	private static LaunchTarget target;

	private static Gateway gateway;

	private static String token;

	private static Resources baseline;

	@BeforeAll
	static void start() throws Exception {
		Runtime.getRuntime().addShutdownHook(new Thread(FaultIT::restoreAll, "fault-it-restore"));
		cloud = RealCloud.fromEnvironment();
		target = LaunchTarget.discover(cloud);
		gateway = Gateway.start("stackgate.auth.mode=keystone", "stackgate.auth.rate-limit.requests=0",
				"stackgate.upstream.read-timeout=" + READ_TIMEOUT.toSeconds() + "s",
				"stackgate.upstream.connect-timeout=2s",
				"stackgate.cache.launch-options-ttl=" + CACHE_TTL.toSeconds() + "s",
				"stackgate.auth.token-cache-ttl=" + CACHE_TTL.toSeconds() + "s",
				"management.endpoint.health.show-details=always");
		token = cloud.token();
	}

	@AfterAll
	static void stop() throws Exception {
		readinessProbe.shutdownNow();
		AssertionError notRestored = restoreAll();
		if (gateway != null) {
			gateway.close();
		}
		if (cloud != null) {
			deleteServers();
		}
		failIfNotRestored(notRestored, null);
	}

	static Stream<Arguments> faults() {
		return Stream.of(Arguments.of("keystone", List.of("Keystone", NOVA_FAILED, NOVA_LATE), "/api/v1/flavors"),
				Arguments.of("nova-api", List.of("Nova"), "/api/v1/servers"),
				Arguments.of("neutron", List.of("Neutron", NOVA_FAILED, NOVA_LATE), "/api/v1/networks"),
				Arguments.of("glance", List.of("Glance", NOVA_FAILED, NOVA_LATE), "/api/v1/images"));
	}

	/**
	 * @param service the devcloud service to stop
	 * @param named what a problem during the outage must name: the service, or Nova's 500
	 * (a 502) while a service it depends on is out
	 * @param route a route that needs the service: the gateway answers it from the
	 * service again once it is back
	 */
	@ParameterizedTest(name = "{0} stopped for the outage")
	@MethodSource("faults")
	void anOutageEndsInProblemsNamingTheServiceOrCachedAnswersAndTheGatewayRecovers(String service, List<String> named,
			String route) throws Exception {
		awaitFresh(token, "/api/v1/servers", Duration.ofSeconds(60));
		awaitFresh(token, "/api/v1/launch-options", Duration.ofSeconds(60));
		Load load = new Load(service);
		load.start();
		Throwable failure = null;
		try {
			Thread.sleep(1000);
			Devcloud.run("stop", service);
			stopped.add(service);
			long outageStart = System.nanoTime();
			if (service.equals("keystone")) {
				Duration down = awaitReadiness("DOWN", Duration.ofSeconds(10));
				System.out.printf("fault %s: readiness DOWN after %d ms%n", service, down.toMillis());
				assertThat(down).as("readiness DOWN after Keystone went").isLessThanOrEqualTo(RECOVERY_BOUND);
			}
			Thread.sleep(Math.max(0, OUTAGE.minus(Duration.ofNanos(System.nanoTime() - outageStart)).toMillis()));
			load.outageOver();
			Devcloud.run("start", service);
			stopped.remove(service);
			Direct direct = awaitDirect(service);
			// The clock starts when the service answers directly, not at devcloud/start:
			// a freshly started
			// service can take many seconds (Nova 13 s on a loaded machine) for its first
			// real answer.
			long answered = System.nanoTime();
			CompletableFuture<Duration> ready = CompletableFuture.supplyAsync(() -> {
				awaitReadiness("UP", Duration.ofSeconds(30));
				return Duration.ofNanos(System.nanoTime() - answered);
			}, readinessProbe);
			Duration firstSuccess = awaitFresh(direct.token(), route, Duration.ofSeconds(30));
			Duration readyAfter = ready.join();
			load.stop();
			System.out.printf("fault %s: %d answers during the outage %s, worst read %d ms, worst launch %d ms; %s "
					+ "answered directly %d ms after devcloud/start; then the gateway's first fresh %s %d ms and "
					+ "readiness UP %d ms after it; launches %s%n", service, load.duringOutage.size(), load.statuses(),
					load.worst(false).toMillis(), load.worst(true).toMillis(), service, direct.after().toMillis(),
					route, firstSuccess.toMillis(), readyAfter.toMillis(), load.launchStatuses());
			assertThat(load.errors).as("requests that got no answer").isEmpty();
			assertThat(load.worst(false)).as("the slowest read during the outage").isLessThan(ANSWER_BOUND);
			assertThat(load.worst(true)).as("the slowest launch during the outage").isLessThan(LAUNCH_BOUND);
			for (Answer answer : load.duringOutage) {
				if (answer.status() >= 300) {
					assertThat(answer.status()).as(answer.body())
						.isIn((named.contains(NOVA_FAILED) && answer.body().contains(NOVA_FAILED)) ? List.of(502)
								: List.of(503, 504));
					assertThat(answer.body()).as("a problem naming the service").contains("\"request_id\"");
					assertThat(named).as(answer.body()).anyMatch(answer.body()::contains);
				}
				else if (answer.path().startsWith("/api/v1/launch-options")) {
					assertThat(answer.age()).as("launch options carry their Age").isNotNull();
				}
			}
			assertThat(firstSuccess).as("first fresh answer after the service answered")
				.isLessThanOrEqualTo(RECOVERY_BOUND);
			assertThat(readyAfter).as("readiness UP after the service answered").isLessThanOrEqualTo(RECOVERY_BOUND);
			load.checkLaunchesInNova();
			checkResources(service);
		}
		catch (Throwable ex) {
			failure = ex;
			throw ex;
		}
		finally {
			load.stop();
			AssertionError notRestored = restoreAll();
			deleteServers();
			failIfNotRestored(notRestored, failure);
		}
	}

	/**
	 * @return when the gateway first answered {@code path} with a 200 made by OpenStack
	 * now: cached answers count only while they are younger than their TTL, so that a
	 * stale one does not pass for a recovery
	 */
	private static Duration awaitFresh(String callerToken, String path, Duration bound) throws Exception {
		long start = System.nanoTime();
		List<String> seen = new ArrayList<>();
		while (true) {
			long sent = System.nanoTime();
			try {
				HttpResponse<String> response = send(callerToken, "GET", path, null, null);
				long age = response.headers().firstValueAsLong("Age").orElse(0);
				if (response.statusCode() == 200 && age < CACHE_TTL.toSeconds()) {
					if (!seen.isEmpty()) {
						System.out.printf("%s before its first fresh answer: %s%n", path, seen);
					}
					return Duration.ofNanos(System.nanoTime() - start);
				}
				seen.add("%d (Age %d) in %d ms".formatted(response.statusCode(), age,
						Duration.ofNanos(System.nanoTime() - sent).toMillis()));
			}
			catch (IOException ex) {
				seen.add(ex + " in " + Duration.ofNanos(System.nanoTime() - sent).toMillis() + " ms");
			}
			assertThat(Duration.ofNanos(System.nanoTime() - start)).as("%s answering 200: %s", path, seen)
				.isLessThan(bound);
			Thread.sleep(100);
		}
	}

	private static Duration awaitReadiness(String status, Duration bound) {
		long start = System.nanoTime();
		String last = null;
		while (true) {
			try {
				last = send(null, "GET", "/actuator/health/readiness", null, null).body();
				if (Gateway.JSON.readTree(last).path("status").asString().equals(status)) {
					return Duration.ofNanos(System.nanoTime() - start);
				}
			}
			catch (IOException | InterruptedException ex) {
				last = ex.toString();
			}
			assertThat(Duration.ofNanos(System.nanoTime() - start)).as("readiness %s (last: %s)", status, last)
				.isLessThan(bound);
			pause(100);
		}
	}

	/**
	 * Waits until the started service answers an authenticated request directly, as the
	 * gateway's route needs it: for Keystone a fresh login, its token's validation and
	 * Nova's flavors with that token (Nova validates it with Keystone too); the project's
	 * servers, networks or images for the others.
	 */
	private static Direct awaitDirect(String service) throws Exception {
		long start = System.nanoTime();
		while (true) {
			try {
				String callerToken = token;
				switch (service) {
					case "keystone" -> {
						RealCloud fresh = RealCloud.fromEnvironment();
						callerToken = fresh.token();
						cloud.keystone().validate(callerToken);
						fresh.get("compute", "/flavors/detail");
					}
					case "nova-api" -> cloud.get("compute", "/servers/detail");
					case "neutron" -> cloud.get("network", "/v2.0/networks");
					case "glance" -> cloud.get("image", "/v2/images");
					default -> throw new IllegalArgumentException(service);
				}
				return new Direct(callerToken, Duration.ofNanos(System.nanoTime() - start));
			}
			catch (IOException | IllegalStateException ex) {
				assertThat(Duration.ofNanos(System.nanoTime() - start)).as("%s answering directly", service)
					.isLessThan(Duration.ofSeconds(120));
				Thread.sleep(200);
			}
		}
	}

	private static HttpResponse<String> send(String callerToken, String method, String path, String json,
			Map<String, String> headers) throws IOException, InterruptedException {
		HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(gateway.baseUrl() + path))
			.timeout(LAUNCH_BOUND.plusSeconds(20));
		if (callerToken != null) {
			request.header("X-Auth-Token", callerToken);
		}
		if (json != null) {
			request.header("Content-Type", "application/json")
				.method(method, HttpRequest.BodyPublishers.ofString(json));
		}
		else {
			request.method(method, HttpRequest.BodyPublishers.noBody());
		}
		if (headers != null) {
			headers.forEach(request::header);
		}
		return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
	}

	/**
	 * The gateway's threads, open files and heap after a GC, once the load has stopped:
	 * after the first outage they are the baseline, and later outages must not leave more
	 * behind.
	 */
	private static void checkResources(String service) throws Exception {
		Thread.sleep(2000);
		Resources now = Resources.measure();
		System.out.printf("fault %s: afterwards %s%n", service, now);
		if (baseline == null) {
			baseline = now;
			return;
		}
		assertThat(now.threads()).as("threads after the %s outage (first: %s)", service, baseline)
			.isLessThanOrEqualTo(baseline.threads() + 10);
		assertThat(now.openFiles()).as("open files after the %s outage (first: %s)", service, baseline)
			.isLessThanOrEqualTo(baseline.openFiles() + 20);
		assertThat(now.heapMb()).as("heap after GC after the %s outage (first: %s)", service, baseline)
			.isLessThanOrEqualTo(baseline.heapMb() + 64);
	}

	private static void pause(long millis) {
		try {
			Thread.sleep(millis);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new IllegalStateException(ex);
		}
	}

	/**
	 * Starts every service a test stopped; from a finally block, @AfterAll and a JVM
	 * shutdown hook. Tries each of them, whatever the others do.
	 * @return why services could not be started again (each one's failure suppressed in
	 * it), or {@code null} when all run
	 */
	private static AssertionError restoreAll() {
		List<Throwable> failures = new ArrayList<>();
		for (String service : List.copyOf(stopped)) {
			try {
				Devcloud.run("start", service);
				stopped.remove(service);
			}
			catch (Exception | AssertionError ex) {
				System.err.println("fault IT: could not start " + service + " again: " + ex);
				failures.add(ex);
			}
		}
		if (failures.isEmpty()) {
			return null;
		}
		AssertionError notRestored = new AssertionError(
				"FaultIT could not start " + stopped + " again: the tests after it would run against a broken cloud");
		failures.forEach(notRestored::addSuppressed);
		return notRestored;
	}

	/**
	 * A service not started again fails the run: it is thrown, or added to the failure
	 * already on its way, which it must not hide.
	 * @param notRestored what {@link #restoreAll()} returned
	 * @param failure the failure on its way, or {@code null}
	 */
	private static void failIfNotRestored(AssertionError notRestored, Throwable failure) {
		if (notRestored == null) {
			return;
		}
		if (failure == null) {
			throw notRestored;
		}
		failure.addSuppressed(notRestored);
	}

	private static void deleteServers() {
		try {
			cloud.servers().deleteAll(PREFIX);
		}
		catch (Exception ex) {
			System.err.println("fault IT: could not delete the servers of " + PREFIX + ": " + ex);
		}
	}

	private record Direct(String token, Duration after) {
	}

	private record Answer(String path, int status, String body, Long age, Duration took) {
	}

	/** A launch made during the load, and what the gateway answered. */
	private record Launch(String name, String key, String body, int status, String answer) {
	}

	private record Resources(int threads, long openFiles, long heapMb) {

		static Resources measure() throws IOException {
			System.gc();
			long heap = ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getUsed() / (1024 * 1024);
			try (Stream<Path> fds = Files.list(Path.of("/proc/self/fd"))) {
				return new Resources(ManagementFactory.getThreadMXBean().getThreadCount(), fds.count(), heap);
			}
		}

	}

	/**
	 * Eight clients: three list servers, two read the launch options, one the flavors,
	 * and two launch servers (at most three each per outage, with an Idempotency-Key),
	 * each with a pause of {@link #THINK_TIME} between requests: about 150 requests a
	 * second in all, a busy gateway that still leaves the cloud on the same two cores its
	 * CPU (back to back, the clients alone took both cores and starved Keystone).
	 */
	private static final class Load {

		private static final long THINK_TIME = 50;

		private static final List<String> PATHS = List.of("/api/v1/servers", "/api/v1/servers", "/api/v1/servers",
				"/api/v1/launch-options", "/api/v1/launch-options", "/api/v1/flavors");

		private static final int LAUNCHERS = 2;

		private static final int LAUNCHES_EACH = 3;

		final List<Answer> duringOutage = new CopyOnWriteArrayList<>();

		final List<Throwable> errors = new CopyOnWriteArrayList<>();

		final List<Launch> launches = new CopyOnWriteArrayList<>();

		private final String service;

		private final AtomicBoolean running = new AtomicBoolean(true);

		private final AtomicBoolean outage = new AtomicBoolean(true);

		private final AtomicInteger launchNumber = new AtomicInteger();

		private final ExecutorService threads = Executors.newFixedThreadPool(PATHS.size() + LAUNCHERS);

		Load(String service) {
			this.service = service;
		}

		void start() {
			for (String path : PATHS) {
				this.threads.execute(() -> {
					while (this.running.get()) {
						call(path);
						pause(THINK_TIME);
					}
				});
			}
			for (int i = 0; i < LAUNCHERS; i++) {
				this.threads.execute(() -> {
					for (int n = 0; n < LAUNCHES_EACH && this.running.get() && this.outage.get(); n++) {
						launch();
						pause(3000);
					}
				});
			}
		}

		private void call(String path) {
			long start = System.nanoTime();
			try {
				HttpResponse<String> response = send(token, "GET", path, null, null);
				record(path, response, start);
			}
			catch (IOException ex) {
				this.errors.add(ex);
			}
			catch (InterruptedException ex) {
				Thread.currentThread().interrupt();
				this.running.set(false);
			}
		}

		private void launch() {
			String name = PREFIX + this.service + "-" + this.launchNumber.incrementAndGet();
			String body = """
					{"name": "%s", "flavor": "%s", "image": "%s", "networks": ["%s"]}""".formatted(name,
					target.flavor().name(), target.image().name(), target.network().name());
			String key = UUID.randomUUID().toString();
			long start = System.nanoTime();
			try {
				HttpResponse<String> response = send(token, "POST", "/api/v1/servers", body,
						Map.of("Idempotency-Key", key));
				record(LAUNCH, response, start);
				this.launches.add(new Launch(name, key, body, response.statusCode(), response.body()));
			}
			catch (IOException ex) {
				this.errors.add(ex);
			}
			catch (InterruptedException ex) {
				Thread.currentThread().interrupt();
			}
		}

		private void record(String path, HttpResponse<String> response, long start) {
			if (this.outage.get()) {
				Long age = response.headers().firstValueAsLong("Age").isPresent()
						? response.headers().firstValueAsLong("Age").getAsLong() : null;
				// Only problems' bodies are kept: the answers must not fill the heap
				// whose
				// growth the test measures.
				String body = (response.statusCode() >= 300) ? response.body() : null;
				this.duringOutage.add(new Answer(path, response.statusCode(), body, age,
						Duration.ofNanos(System.nanoTime() - start)));
			}
		}

		/**
		 * Each launch ends as exactly one server or none: one told it succeeded has
		 * exactly the server it was told of; one told it failed with a 503 has none (the
		 * create did not reach Nova, or was undone); one told 504 may have one (Nova may
		 * have created it before the answer was late). Every failed launch is then
		 * repeated with its key, as docs/operations.md says, and ends with exactly one
		 * server.
		 */
		void checkLaunchesInNova() throws Exception {
			for (Launch launch : this.launches) {
				List<String> inNova = cloud.servers().ids(launch.name());
				if (launch.status() == 202) {
					String id = Gateway.JSON.readTree(launch.answer()).get(0).path("id").asString();
					assertThat(inNova).as("servers of a launch told 202: %s", launch.name()).containsExactly(id);
					continue;
				}
				assertThat(launch.status()).as(launch.answer()).isIn(502, 503, 504);
				if (launch.status() == 503) {
					assertThat(inNova).as("servers of a launch told 503: %s", launch.answer()).isEmpty();
				}
				HttpResponse<String> again = repeat(launch);
				assertThat(again.statusCode()).as("the launch repeated with its key: %s", again.body()).isEqualTo(202);
				JsonNode servers = Gateway.JSON.readTree(again.body());
				assertThat(cloud.servers().ids(launch.name())).as("servers of %s after the repeat", launch.name())
					.containsExactly(servers.get(0).path("id").asString());
			}
		}

		/**
		 * Repeats a failed launch with its key as a client would: again while the gateway
		 * answers 503 or 504 (a service just started is slow at first), for up to a
		 * minute. Safe because of the key: however many repeats, one server.
		 */
		private HttpResponse<String> repeat(Launch launch) throws Exception {
			long start = System.nanoTime();
			while (true) {
				HttpResponse<String> again = send(token, "POST", "/api/v1/servers", launch.body(),
						Map.of("Idempotency-Key", launch.key()));
				if ((again.statusCode() != 503 && again.statusCode() != 504)
						|| Duration.ofNanos(System.nanoTime() - start).toSeconds() >= 60) {
					return again;
				}
				System.out.printf("fault %s: %s repeated with its key got %d, repeating%n", this.service, launch.name(),
						again.statusCode());
				Thread.sleep(2000);
			}
		}

		void outageOver() {
			this.outage.set(false);
		}

		void stop() throws InterruptedException {
			this.running.set(false);
			this.threads.shutdown();
			this.threads.awaitTermination(LAUNCH_BOUND.toSeconds() + 25, TimeUnit.SECONDS);
		}

		Duration worst(boolean launches) {
			return this.duringOutage.stream()
				.filter((answer) -> answer.path().equals(LAUNCH) == launches)
				.map(Answer::took)
				.max(Duration::compareTo)
				.orElse(Duration.ZERO);
		}

		Map<Integer, Long> statuses() {
			Map<Integer, Long> counts = new TreeMap<>();
			this.duringOutage.forEach((answer) -> counts.merge(answer.status(), 1L, Long::sum));
			return counts;
		}

		List<String> launchStatuses() {
			List<String> statuses = new ArrayList<>();
			this.launches
				.forEach((launch) -> statuses.add(launch.name().substring(PREFIX.length()) + "=" + launch.status()));
			return statuses;
		}

	}

}
