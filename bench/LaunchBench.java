import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.HashSet;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.Collectors;

/**
 * Launch benchmark (issue 4): how long a server takes from launch to ACTIVE through the Stackgate gateway, compared
 * with Nova called directly, side by side in one run.
 * <ol>
 * <li>One launch at a time: {@code POST} then {@code GET} every {@code --poll} seconds until ACTIVE, the same
 * interval on both sides; after {@code --warmup} launches per side that are not counted (a fresh gateway's first
 * launch fills its caches), {@code --rounds} rounds, gateway and direct interleaved (the side that goes first
 * alternates). Median time to ACTIVE per side and their ratio (target: gateway/direct &lt;= 1.05).</li>
 * <li>{@code --concurrent} launches at once through the gateway (one client thread per server, each POSTs one
 * server and polls it to ACTIVE), then as many directly at Nova: wall time until the last is ACTIVE, and a count in
 * Nova of the servers with the batch's name prefix, which must be exactly {@code --concurrent} (no duplicates).</li>
 * </ol>
 * Every server of a run is named {@code bench-<random>-...}. Between the parts and at the end (also after a failure
 * or on Ctrl-C) the bench deletes every server with the run's prefix and waits until Nova no longer lists them.
 * <p>
 * Run by {@code bench/launch}, which starts a gateway; or by hand against a running one:
 * <pre>
 *   eval "$(devcloud/env)"
 *   java bench/LaunchBench.java --url http://127.0.0.1:8080 [options]
 * </pre>
 * No dependencies. Exit status: 0 done; 1 a launch failed, the duplicates check failed, the clean-up did not finish
 * or the set-up is wrong; 2 bad arguments; 3 the ratio target was missed and {@code --check} was given.
 */
public final class LaunchBench {

	public static void main(String[] args) {
		if (Arrays.asList(args).contains("--help")) {
			System.out.println(Options.USAGE);
			return;
		}
		Options options;
		try {
			options = Options.parse(args);
		}
		catch (IllegalArgumentException ex) {
			System.err.println("LaunchBench: " + ex.getMessage());
			System.err.println(Options.USAGE);
			System.exit(2);
			return;
		}
		LaunchBench bench = new LaunchBench(options);
		int status;
		try {
			status = bench.run();
		}
		catch (BenchFailure ex) {
			System.out.flush();
			System.err.println();
			System.err.println("LaunchBench FAILED: " + ex.getMessage());
			status = 1;
		}
		System.exit(status);
	}

	private final Options options;

	/** Every server this run creates has a name that starts with this. */
	private final String prefix = "bench-" + HexFormat.of().formatHex(new SecureRandom().generateSeed(3)) + "-";

	private final HttpClient http = HttpClient.newBuilder()
		.version(HttpClient.Version.HTTP_1_1)
		.connectTimeout(Duration.ofSeconds(5))
		.build();

	private final Nova nova;

	private final Gateway gateway;

	private final Report report = new Report();

	private final LoadSampler load = new LoadSampler();

	/** Set on Ctrl-C / SIGTERM: no new server is launched. */
	private volatile boolean stopping;

	/** Whether the final clean-up ran to its end; the shutdown hook cleans up otherwise. */
	private volatile boolean cleanedUp;

	private LaunchBench(Options options) {
		this.options = options;
		requestTimeout = options.requestTimeout;
		this.nova = new Nova(this.http, Cloud.load(options.cloudsYaml, options.cloud));
		this.gateway = new Gateway(this.http, options.url, this.nova.cloud, options);
	}

	private int run() {
		log("machine: %d CPUs, load average %s; bench client on Java %s", Runtime.getRuntime().availableProcessors(),
				LoadSampler.now(), System.getProperty("java.version"));
		log("gateway %s%s; run prefix %s", this.options.url,
				(this.options.gatewayPid > 0) ? " (pid " + this.options.gatewayPid + ")" : "", this.prefix);
		this.gateway.awaitReady(this.options.readyTimeout, this.options.gatewayPid);
		this.nova.login();
		this.nova.resolveTargets(this.options.flavor, this.options.image, this.options.network);
		log("nova %s: flavor %s = %s, image %s = %s, network %s = %s", this.nova.computeUrl, this.options.flavor,
				this.nova.flavorId, this.options.image, this.nova.imageId, this.options.network, this.nova.networkId);
		this.gateway.login();
		Runtime.getRuntime().addShutdownHook(new Thread(this::cleanUpOnExit, "launch-bench-cleanup"));
		this.load.start();
		boolean launchesOk;
		boolean cleanUpOk = false;
		try {
			oneAtATime();
			removeAll("after part 1");
			launchesOk = concurrent();
		}
		finally {
			this.load.stop();
			try {
				removeAll("at the end");
				cleanUpOk = true;
			}
			catch (BenchFailure ex) {
				System.err.println("LaunchBench: clean-up FAILED: " + ex.getMessage());
			}
			this.cleanedUp = true;
		}
		log("load average (1 min) sampled every 5 s during the run: %s; at the end %s", this.load.summary(),
				LoadSampler.now());
		this.report.print();
		if (!launchesOk || !cleanUpOk) {
			System.err.println("LaunchBench FAILED: " + (launchesOk ? "" : "a concurrent launch failed or the "
					+ "duplicates check did not match") + (launchesOk || cleanUpOk ? "" : "; ")
					+ (cleanUpOk ? "" : "servers of the run are left, see above"));
			return 1;
		}
		return (this.options.check && !this.report.allTargetsMet()) ? 3 : 0;
	}

	// ---- 1. one launch at a time -----------------------------------------------------------------------------------

	private void oneAtATime() {
		int warmup = this.options.warmup;
		log("1. one launch at a time: %d warm-up + %d measured launches per side, interleaved, polling every %s s on "
				+ "both sides", warmup, this.options.rounds, seconds(this.options.poll));
		for (int w = 1; w <= warmup; w++) {
			Launch gw = launch(this.gateway, this.prefix + "gw-warmup-" + w).orThrow();
			Launch os = launch(this.nova, this.prefix + "os-warmup-" + w).orThrow();
			log("   warm-up %d (not counted): gateway %.2f s to ACTIVE (POST %.0f ms), direct %.2f s (POST %.0f ms)", w,
					gw.activeSeconds(), gw.postMillis(), os.activeSeconds(), os.postMillis());
		}
		if (warmup > 0) {
			removeAll("after the warm-up");
		}
		int rounds = this.options.rounds;
		double[] gwActive = new double[rounds];
		double[] osActive = new double[rounds];
		double[] gwPost = new double[rounds];
		double[] osPost = new double[rounds];
		for (int r = 0; r < rounds; r++) {
			boolean gatewayFirst = (r % 2 == 0);
			Launch gw;
			Launch os;
			if (gatewayFirst) {
				gw = launch(this.gateway, this.prefix + "gw-" + (r + 1)).orThrow();
				os = launch(this.nova, this.prefix + "os-" + (r + 1)).orThrow();
			}
			else {
				os = launch(this.nova, this.prefix + "os-" + (r + 1)).orThrow();
				gw = launch(this.gateway, this.prefix + "gw-" + (r + 1)).orThrow();
			}
			gwActive[r] = gw.activeSeconds();
			osActive[r] = os.activeSeconds();
			gwPost[r] = gw.postMillis();
			osPost[r] = os.postMillis();
			log("   round %d (%s first): gateway %.2f s to ACTIVE (POST %.0f ms), direct %.2f s (POST %.0f ms); load %s",
					r + 1, gatewayFirst ? "gateway" : "direct", gw.activeSeconds(), gw.postMillis(), os.activeSeconds(),
					os.postMillis(), LoadSampler.now());
		}
		double gw = median(gwActive);
		double os = median(osActive);
		this.report.ratio("1", "launch to ACTIVE, median of " + rounds + " (s, poll " + seconds(this.options.poll)
				+ " s)", gw, os, "<= 1.05", gw / os <= 1.05);
		this.report.ratio("1", "POST answered, median (ms)", median(gwPost), median(osPost), "-", null);
	}

	// ---- 2. many launches at once ----------------------------------------------------------------------------------

	/** @return whether every launch reached ACTIVE and Nova holds exactly one server per launch, on both sides */
	private boolean concurrent() {
		int n = this.options.concurrent;
		if (n == 0) {
			return true;
		}
		log("2. %d concurrent launches (one client thread per server), gateway then direct", n);
		Batch gw = batch(this.gateway, this.prefix + "gw" + n + "-");
		removeAll("after the gateway batch");
		Batch os = batch(this.nova, this.prefix + "os" + n + "-");
		String what = n + " concurrent";
		this.report.ratio("2", what + ": wall time until all ACTIVE (s)", gw.wallSeconds, os.wallSeconds, "-", null);
		this.report.ratio("2", what + ": per server to ACTIVE, median (s)", gw.medianSeconds, os.medianSeconds, "-",
				null);
		this.report.ratio("2", what + ": per server to ACTIVE, slowest (s)", gw.slowestSeconds, os.slowestSeconds, "-",
				null);
		this.report.counts("2", what + ": reached ACTIVE", gw.active + "/" + n, os.active + "/" + n, "all",
				gw.active == n && os.active == n);
		this.report.counts("2", what + ": in Nova with the batch's prefix", String.valueOf(gw.inNova),
				String.valueOf(os.inNova), "exactly " + n, gw.inNova == n && os.inNova == n);
		return gw.ok(n) && os.ok(n);
	}

	record Batch(double wallSeconds, double medianSeconds, double slowestSeconds, int active, int inNova,
			boolean sameIds) {

		boolean ok(int n) {
			return this.active == n && this.inNova == n && this.sameIds;
		}

	}

	private Batch batch(Side side, String batchPrefix) {
		int n = this.options.concurrent;
		ExecutorService pool = Executors.newFixedThreadPool(n);
		CountDownLatch go = new CountDownLatch(1);
		List<Future<Launch>> running = new ArrayList<>();
		for (int i = 1; i <= n; i++) {
			String name = batchPrefix + String.format(Locale.ROOT, "%02d", i);
			running.add(pool.submit(() -> {
				go.await();
				return launch(side, name);
			}));
		}
		long start = System.nanoTime();
		go.countDown();
		List<Launch> launches = new ArrayList<>();
		try {
			for (Future<Launch> future : running) {
				launches.add(future.get());
			}
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new BenchFailure("interrupted", ex);
		}
		catch (ExecutionException ex) {
			throw new BenchFailure(ex.getCause().toString(), ex.getCause()); // launch() catches its own failures
		}
		finally {
			pool.shutdownNow();
		}
		double wall = (System.nanoTime() - start) / 1e9;
		List<Launch> failed = launches.stream().filter((l) -> l.error() != null).toList();
		failed.forEach((l) -> log("   FAILED %s: %s", l.name(), l.error()));
		double[] times = launches.stream().filter((l) -> l.error() == null).mapToDouble(Launch::activeSeconds).toArray();

		// The duplicates check: Nova must hold exactly one server per launch, the one its client was given.
		Set<String> given = launches.stream().map(Launch::id).filter((id) -> id != null).collect(Collectors.toSet());
		List<Server> inNova = this.nova.list(batchPrefix);
		Set<String> found = inNova.stream().map(Server::id).collect(Collectors.toSet());
		boolean sameIds = found.equals(given) && given.size() == launches.stream().filter((l) -> l.id() != null).count();
		log("   %s: %d/%d ACTIVE, all within %.1f s (median %.1f s, slowest %.1f s); Nova lists %d server(s) named %s*%s; load %s",
				side.label(), times.length, n, wall, median(times), max(times), inNova.size(), batchPrefix,
				sameIds ? ", the ones the clients were given" : ", NOT the ones the clients were given: "
						+ describe(inNova, given), LoadSampler.now());
		return new Batch(wall, median(times), max(times), times.length, inNova.size(), sameIds);
	}

	private static String describe(List<Server> inNova, Set<String> given) {
		return inNova.stream().map((s) -> s.name() + "=" + s.id() + (given.contains(s.id()) ? "" : " (unknown)"))
			.collect(Collectors.joining(", ")) + "; clients were given " + given;
	}

	// ---- one launch ------------------------------------------------------------------------------------------------

	/**
	 * The result of one launch, timed from just before the POST: the POST's answer, and the GET that first showed
	 * ACTIVE. {@code error} is set when it failed.
	 */
	record Launch(String name, String id, double postMillis, double activeSeconds, String error) {

		Launch orThrow() {
			if (this.error != null) {
				throw new BenchFailure("launch of " + this.name + " failed: " + this.error);
			}
			return this;
		}

	}

	/** POST, then sleep the poll interval and GET, until the server is ACTIVE. Never throws: see {@code error}. */
	private Launch launch(Side side, String name) {
		String id = null;
		double postMillis = Double.NaN;
		long start = System.nanoTime();
		try {
			if (this.stopping) {
				return new Launch(name, null, postMillis, Double.NaN, "stopped before it was launched");
			}
			id = side.create(name);
			postMillis = (System.nanoTime() - start) / 1e6;
			long deadline = start + this.options.launchTimeout.toNanos();
			while (true) {
				sleep(this.options.poll);
				State state = side.state(id);
				if (state.status().equals("ACTIVE")) {
					return new Launch(name, id, postMillis, (System.nanoTime() - start) / 1e9, null);
				}
				if (state.status().equals("ERROR")) {
					return new Launch(name, id, postMillis, Double.NaN, side.label() + " server " + id + " went to ERROR: "
							+ state.fault());
				}
				if (System.nanoTime() > deadline || this.stopping) {
					return new Launch(name, id, postMillis, Double.NaN, side.label() + " server " + id + " still "
							+ state.status() + (this.stopping ? " when the bench was stopped" : " after "
									+ this.options.launchTimeout.toSeconds() + " s (--launch-timeout)"));
				}
			}
		}
		catch (BenchFailure ex) {
			return new Launch(name, id, postMillis, Double.NaN, ex.getMessage());
		}
	}

	/** One way of launching: through the gateway or at Nova directly. */
	interface Side {

		String label();

		/** @return the id of the new server */
		String create(String name);

		State state(String id);

		/** Deletes the server; one that is already gone is fine. */
		void delete(String id);

	}

	record State(String status, String fault) {
	}

	// ---- clean-up --------------------------------------------------------------------------------------------------

	/**
	 * Deletes every server whose name starts with the run's prefix (through the gateway for the ones it launched,
	 * at Nova for the others) and waits until Nova no longer lists them. A delete is sent again to a server still
	 * listed a minute later.
	 */
	private synchronized void removeAll(String when) {
		List<Server> left = this.nova.list(this.prefix);
		if (left.isEmpty()) {
			return;
		}
		log("   deleting the %d server(s) named %s* (%s)", left.size(), this.prefix, when);
		long start = System.nanoTime();
		long deadline = start + this.options.cleanupTimeout.toNanos();
		Map<String, Long> sentAt = new HashMap<>();
		while (!left.isEmpty()) {
			for (Server server : left) {
				Long sent = sentAt.get(server.id());
				if (sent == null || System.nanoTime() - sent > 60_000_000_000L) {
					delete(server);
					sentAt.put(server.id(), System.nanoTime());
				}
			}
			if (System.nanoTime() > deadline) {
				throw new BenchFailure("servers still there " + this.options.cleanupTimeout.toSeconds()
						+ " s after deleting them (--cleanup-timeout), delete them by hand: "
						+ left.stream().map((s) -> s.name() + " " + s.id()).collect(Collectors.joining(", ")));
			}
			sleep(Duration.ofSeconds(2));
			left = this.nova.list(this.prefix);
		}
		log("   all gone after %.1f s", (System.nanoTime() - start) / 1e9);
	}

	private void delete(Server server) {
		if (server.name().startsWith(this.prefix + "gw")) {
			try {
				this.gateway.delete(server.id());
				return;
			}
			catch (BenchFailure ex) {
				log("   gateway could not delete %s (%s); deleting it at Nova", server.name(), ex.getMessage());
			}
		}
		this.nova.delete(server.id());
	}

	/** Ctrl-C or SIGTERM while the bench runs: launch nothing more, and delete what the run created. */
	private void cleanUpOnExit() {
		this.stopping = true;
		if (this.cleanedUp) {
			return;
		}
		System.err.println("LaunchBench: stopping; deleting the servers named " + this.prefix + "*");
		try {
			removeAll("on exit");
		}
		catch (BenchFailure ex) {
			System.err.println("LaunchBench: clean-up FAILED: " + ex.getMessage());
		}
	}

	// ---- helpers ---------------------------------------------------------------------------------------------------

	static double median(double[] values) {
		if (values.length == 0) {
			return Double.NaN;
		}
		double[] sorted = values.clone();
		Arrays.sort(sorted);
		int mid = sorted.length / 2;
		return (sorted.length % 2 == 1) ? sorted[mid] : (sorted[mid - 1] + sorted[mid]) / 2;
	}

	static double max(double[] values) {
		return Arrays.stream(values).max().orElse(Double.NaN);
	}

	static String seconds(Duration duration) {
		return String.format(Locale.ROOT, "%.3g", duration.toMillis() / 1000.0);
	}

	static void log(String format, Object... args) {
		System.out.println(String.format(Locale.ROOT, format, args));
		System.out.flush();
	}

	static void require(boolean condition, String format, Object... args) {
		if (!condition) {
			throw new BenchFailure(String.format(Locale.ROOT, format, args));
		}
	}

	static void sleep(Duration duration) {
		try {
			Thread.sleep(duration.toMillis());
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new BenchFailure("interrupted", ex);
		}
	}

	/** A request failed or the set-up is not what the bench needs. */
	static final class BenchFailure extends RuntimeException {

		private static final long serialVersionUID = 1L;

		BenchFailure(String message) {
			super(message);
		}

		BenchFailure(String message, Throwable cause) {
			super(message, cause);
		}

	}

	/** Samples the 1-minute load average every 5 s: other work on the machine moves every figure. */
	static final class LoadSampler {

		private final List<Double> samples = new ArrayList<>();

		private Thread thread;

		static String now() {
			try {
				return String.join(" ", Arrays.copyOf(Files.readString(Path.of("/proc/loadavg")).trim().split(" "), 3));
			}
			catch (IOException ex) {
				return "n/a";
			}
		}

		void start() {
			this.thread = new Thread(() -> {
				while (!Thread.currentThread().isInterrupted()) {
					String now = now();
					if (!now.equals("n/a")) {
						synchronized (this.samples) {
							this.samples.add(Double.parseDouble(now.split(" ")[0]));
						}
					}
					try {
						Thread.sleep(5000);
					}
					catch (InterruptedException ex) {
						return;
					}
				}
			}, "load-sampler");
			this.thread.setDaemon(true);
			this.thread.start();
		}

		void stop() {
			this.thread.interrupt();
		}

		String summary() {
			synchronized (this.samples) {
				if (this.samples.isEmpty()) {
					return "n/a";
				}
				double[] v = this.samples.stream().mapToDouble(Double::doubleValue).toArray();
				return String.format(Locale.ROOT, "min %.2f, median %.2f, max %.2f (%d samples)",
						Arrays.stream(v).min().getAsDouble(), median(v), max(v), v.length);
			}
		}

	}

	// =================================================================================================================
	// Command line
	// =================================================================================================================

	static final class Options {

		static final String USAGE = """
				usage: java bench/LaunchBench.java --url URL [options]
				  --url URL               the gateway, e.g. http://127.0.0.1:8080 (required)
				  --gateway-pid PID       the gateway's process: fail early if it dies before it is ready
				  --clouds-yaml PATH      default $OS_CLIENT_CONFIG_FILE
				  --cloud NAME            default $OS_CLOUD
				  --warmup N              part 1: launches per side before the measured ones, not counted (1)
				  --rounds N              part 1: measured launches per side, one at a time, interleaved (5)
				  --poll S                seconds between status GETs, both sides (1; decimals allowed)
				  --concurrent N          part 2: launches at once per side (20; 0 skips part 2)
				  --flavor NAME           (m1.nano)
				  --image NAME            (cirros-fake-raw)
				  --network NAME          (private)
				  --launch-timeout S      longest a launch may take to reach ACTIVE (600)
				  --cleanup-timeout S     longest the deleted servers may take to disappear (900)
				  --request-timeout S     longest a single HTTP request may take (300)
				  --ready-timeout S       how long to wait for the gateway's readiness (180)
				  --check                 exit 3 when the part 1 ratio misses its target
				  --help                  this text""";

		URI url;

		long gatewayPid = -1;

		Path cloudsYaml = envPath("OS_CLIENT_CONFIG_FILE");

		String cloud = System.getenv("OS_CLOUD");

		int warmup = 1;

		int rounds = 5;

		Duration poll = Duration.ofSeconds(1);

		int concurrent = 20;

		String flavor = "m1.nano";

		String image = "cirros-fake-raw";

		String network = "private";

		Duration launchTimeout = Duration.ofSeconds(600);

		Duration cleanupTimeout = Duration.ofSeconds(900);

		Duration requestTimeout = Duration.ofSeconds(300);

		Duration readyTimeout = Duration.ofSeconds(180);

		boolean check;

		static Options parse(String[] args) {
			Options o = new Options();
			for (int i = 0; i < args.length; i++) {
				String name = args[i];
				if (name.equals("--check")) {
					o.check = true;
					continue;
				}
				if (i + 1 >= args.length) {
					throw new IllegalArgumentException(name + " needs a value");
				}
				String value = args[++i];
				switch (name) {
					case "--url" -> o.url = URI.create(value.replaceAll("/+$", ""));
					case "--gateway-pid" -> o.gatewayPid = Long.parseLong(value);
					case "--clouds-yaml" -> o.cloudsYaml = Path.of(value);
					case "--cloud" -> o.cloud = value;
					case "--warmup" -> o.warmup = atLeast(0, value, name);
					case "--rounds" -> o.rounds = atLeast(1, value, name);
					case "--poll" -> o.poll = pollInterval(value);
					case "--concurrent" -> o.concurrent = atLeast(0, value, name);
					case "--flavor" -> o.flavor = value;
					case "--image" -> o.image = value;
					case "--network" -> o.network = value;
					case "--launch-timeout" -> o.launchTimeout = Duration.ofSeconds(atLeast(1, value, name));
					case "--cleanup-timeout" -> o.cleanupTimeout = Duration.ofSeconds(atLeast(1, value, name));
					case "--request-timeout" -> o.requestTimeout = Duration.ofSeconds(atLeast(1, value, name));
					case "--ready-timeout" -> o.readyTimeout = Duration.ofSeconds(atLeast(1, value, name));
					default -> throw new IllegalArgumentException("unknown option " + name);
				}
			}
			if (o.url == null) {
				throw new IllegalArgumentException("--url is required");
			}
			if (o.cloudsYaml == null || o.cloud == null) {
				throw new IllegalArgumentException(
						"no cloud: set OS_CLIENT_CONFIG_FILE and OS_CLOUD (eval \"$(devcloud/env)\") or pass --clouds-yaml and --cloud");
			}
			return o;
		}

		private static Duration pollInterval(String value) {
			try {
				long millis = Math.round(Double.parseDouble(value) * 1000);
				if (millis >= 10) {
					return Duration.ofMillis(millis);
				}
			}
			catch (NumberFormatException ex) {
				// reported below
			}
			throw new IllegalArgumentException("--poll takes seconds, at least 0.01, not '" + value + "'");
		}

		private static int atLeast(int min, String value, String name) {
			try {
				int n = Integer.parseInt(value);
				if (n >= min) {
					return n;
				}
			}
			catch (NumberFormatException ex) {
				// reported below
			}
			throw new IllegalArgumentException(name + " takes a whole number of at least " + min + ", not '" + value + "'");
		}

		private static Path envPath(String name) {
			String value = System.getenv(name);
			return (value == null || value.isBlank()) ? null : Path.of(value);
		}

	}

	// =================================================================================================================
	// HTTP: the gateway and OpenStack
	// =================================================================================================================

	/** How long one request may take; set by {@code --request-timeout}. It only guards against hangs. */
	static Duration requestTimeout = Duration.ofSeconds(300);

	static HttpRequest.Builder request(String method, URI uri, String jsonBody) {
		HttpRequest.Builder builder = HttpRequest.newBuilder(uri).timeout(requestTimeout).header("Accept",
				"application/json");
		if (jsonBody == null) {
			return builder.method(method, HttpRequest.BodyPublishers.noBody());
		}
		return builder.header("Content-Type", "application/json")
			.method(method, HttpRequest.BodyPublishers.ofString(jsonBody));
	}

	static HttpResponse<String> send(HttpClient http, HttpRequest request) {
		try {
			return http.send(request, HttpResponse.BodyHandlers.ofString());
		}
		catch (IOException ex) {
			throw new BenchFailure(request.method() + " " + request.uri() + ": " + ex, ex);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new BenchFailure(request.method() + " " + request.uri() + ": interrupted", ex);
		}
	}

	/** @return the body, when the status is one of {@code expected} */
	static String expect(HttpResponse<String> response, int... expected) {
		int status = response.statusCode();
		if (Arrays.stream(expected).noneMatch((s) -> s == status)) {
			String body = response.body();
			body = (body.length() > 300) ? body.substring(0, 300) + "..." : body;
			throw new BenchFailure(response.request().method() + " " + response.request().uri() + " answered " + status
					+ ": " + body);
		}
		return response.body();
	}

	/** A token, and who sends it to ask for a new one when it is refused. */
	abstract static class Authenticated {

		final HttpClient http;

		private volatile String token;

		Authenticated(HttpClient http) {
			this.http = http;
		}

		/** @return a new token */
		abstract String newToken();

		void login() {
			this.token = newToken();
		}

		/** Sends with the token; a 401 (the token expired) gets one retry with a new token. */
		HttpResponse<String> call(String method, URI uri, String jsonBody) {
			String sent = this.token;
			HttpResponse<String> response = send(this.http, withToken(request(method, uri, jsonBody), sent));
			if (response.statusCode() == 401) {
				response = send(this.http, withToken(request(method, uri, jsonBody), renew(sent)));
			}
			return response;
		}

		private static HttpRequest withToken(HttpRequest.Builder request, String token) {
			return (token.isEmpty() ? request : request.header("X-Auth-Token", token)).build();
		}

		private synchronized String renew(String refused) {
			if (this.token.equals(refused)) {
				this.token = newToken();
			}
			return this.token;
		}

	}

	/** The gateway's API, with a token from its own login route. */
	static final class Gateway extends Authenticated implements Side {

		private final URI base;

		private final Cloud cloud;

		private final Options options;

		Gateway(HttpClient http, URI base, Cloud cloud, Options options) {
			super(http);
			this.base = base;
			this.cloud = cloud;
			this.options = options;
		}

		@Override
		public String label() {
			return "gateway";
		}

		@Override
		String newToken() {
			String body = "{\"username\":" + Json.quote(this.cloud.username()) + ",\"password\":"
					+ Json.quote(this.cloud.password()) + ",\"project\":" + Json.quote(this.cloud.projectName())
					+ ",\"domain\":" + Json.quote(this.cloud.userDomain()) + "}";
			HttpResponse<String> response = send(this.http,
					request("POST", this.base.resolve("/api/v1/auth/tokens"), body).build());
			if (response.statusCode() == 404) {
				log("   the gateway has no login route (authentication off?): sending no token");
				return "";
			}
			return Json.string(Json.parse(expect(response, 200, 201)), "token");
		}

		@Override
		public String create(String name) {
			String body = "{\"name\":" + Json.quote(name) + ",\"flavor\":" + Json.quote(this.options.flavor)
					+ ",\"image\":" + Json.quote(this.options.image) + ",\"networks\":["
					+ Json.quote(this.options.network) + "]}";
			List<Object> servers = Json.list(Json.parse(expect(call("POST", uri("/api/v1/servers"), body), 202)));
			require(servers.size() == 1, "the gateway answered %d servers for one launch", servers.size());
			return Json.string(servers.get(0), "id");
		}

		@Override
		public State state(String id) {
			Object server = Json.parse(expect(call("GET", uri("/api/v1/servers/" + id), null), 200));
			return new State(Json.string(server, "status"), String.valueOf(Json.field(server, "fault")));
		}

		@Override
		public void delete(String id) {
			expect(call("DELETE", uri("/api/v1/servers/" + id), null), 202, 204, 404);
		}

		private URI uri(String path) {
			return this.base.resolve(path);
		}

		/** Waits until {@code /actuator/health/readiness} answers 200; fails early if the gateway process died. */
		void awaitReady(Duration timeout, long pid) {
			long deadline = System.nanoTime() + timeout.toNanos();
			HttpRequest probe = HttpRequest.newBuilder(uri("/actuator/health/readiness"))
				.timeout(Duration.ofSeconds(5))
				.build();
			String last = "no answer yet";
			while (System.nanoTime() < deadline) {
				require(pid <= 0 || Files.exists(Path.of("/proc", String.valueOf(pid))),
						"the gateway (pid %d) exited before it was ready", pid);
				try {
					HttpResponse<String> response = this.http.send(probe, HttpResponse.BodyHandlers.ofString());
					if (response.statusCode() == 200) {
						return;
					}
					last = response.statusCode() + " " + response.body();
				}
				catch (IOException ex) {
					last = ex.toString();
				}
				catch (InterruptedException ex) {
					Thread.currentThread().interrupt();
					throw new BenchFailure("interrupted while waiting for readiness", ex);
				}
				sleep(Duration.ofMillis(500));
			}
			throw new BenchFailure("gateway not ready after " + timeout.toSeconds() + " s: " + last);
		}

	}

	record Server(String id, String name) {
	}

	/** Nova (and Glance and Neutron, to look up ids) called directly, with a Keystone token of the cloud's user. */
	static final class Nova extends Authenticated implements Side {

		final Cloud cloud;

		String computeUrl;

		private String imageUrl;

		private String networkUrl;

		String flavorId;

		String imageId;

		String networkId;

		Nova(HttpClient http, Cloud cloud) {
			super(http);
			this.cloud = cloud;
		}

		@Override
		public String label() {
			return "direct";
		}

		/** Keystone v3 password authentication scoped to the project; also reads the endpoints from the catalog. */
		@Override
		String newToken() {
			String body = "{\"auth\":{\"identity\":{\"methods\":[\"password\"],\"password\":{\"user\":{\"name\":"
					+ Json.quote(this.cloud.username()) + ",\"domain\":{\"name\":" + Json.quote(this.cloud.userDomain())
					+ "},\"password\":" + Json.quote(this.cloud.password()) + "}}},\"scope\":{\"project\":{\"name\":"
					+ Json.quote(this.cloud.projectName()) + ",\"domain\":{\"name\":"
					+ Json.quote(this.cloud.projectDomain()) + "}}}}}";
			HttpResponse<String> response = send(this.http,
					request("POST", URI.create(this.cloud.authUrl() + "/auth/tokens"), body).build());
			Object token = Json.field(Json.parse(expect(response, 201)), "token");
			List<Object> catalog = Json.list(Json.field(token, "catalog"));
			this.computeUrl = endpoint(catalog, "compute");
			this.imageUrl = endpoint(catalog, "image").replaceAll("/v2(\\.\\d+)?$", "");
			this.networkUrl = endpoint(catalog, "network").replaceAll("/v2\\.0$", "");
			return response.headers().firstValue("X-Subject-Token")
				.orElseThrow(() -> new BenchFailure("Keystone answered without X-Subject-Token"));
		}

		private String endpoint(List<Object> catalog, String type) {
			for (Object service : catalog) {
				if (!type.equals(Json.field(service, "type"))) {
					continue;
				}
				for (Object endpoint : Json.list(Json.field(service, "endpoints"))) {
					boolean sameRegion = this.cloud.region() == null
							|| this.cloud.region().equals(Json.field(endpoint, "region_id"))
							|| this.cloud.region().equals(Json.field(endpoint, "region"));
					if (this.cloud.endpointInterface().equals(Json.field(endpoint, "interface")) && sameRegion) {
						return Json.string(endpoint, "url").replaceAll("/+$", "");
					}
				}
			}
			throw new BenchFailure("no " + this.cloud.endpointInterface() + " '" + type + "' endpoint in the catalog");
		}

		/** The ids the direct side puts in its requests, looked up by name as the gateway does. */
		void resolveTargets(String flavor, String image, String network) {
			this.flavorId = idOf(Json.list(Json.field(get(this.computeUrl + "/flavors"), "flavors")), flavor, "flavor");
			this.imageId = idOf(Json.list(Json.field(get(this.imageUrl + "/v2/images?name=" + encode(image)), "images")),
					image, "image");
			this.networkId = idOf(
					Json.list(Json.field(get(this.networkUrl + "/v2.0/networks?name=" + encode(network)), "networks")),
					network, "network");
		}

		private static String idOf(List<Object> items, String name, String what) {
			List<Object> named = items.stream().filter((item) -> name.equals(Json.field(item, "name"))).toList();
			require(named.size() == 1, "%d %ss named '%s' (expected one)", named.size(), what, name);
			return Json.string(named.get(0), "id");
		}

		private Object get(String url) {
			return Json.parse(expect(call("GET", URI.create(url), null), 200));
		}

		@Override
		public String create(String name) {
			String body = "{\"server\":{\"name\":" + Json.quote(name) + ",\"flavorRef\":" + Json.quote(this.flavorId)
					+ ",\"imageRef\":" + Json.quote(this.imageId) + ",\"networks\":[{\"uuid\":" + Json.quote(this.networkId)
					+ "}]}}";
			Object answer = Json.parse(expect(call("POST", URI.create(this.computeUrl + "/servers"), body), 202));
			return Json.string(Json.field(answer, "server"), "id");
		}

		@Override
		public State state(String id) {
			Object server = Json.field(get(this.computeUrl + "/servers/" + id), "server");
			Object fault = Json.field(server, "fault");
			return new State(Json.string(server, "status"), (fault == null) ? "null" : String.valueOf(Json.field(fault,
					"message")));
		}

		@Override
		public void delete(String id) {
			expect(call("DELETE", URI.create(this.computeUrl + "/servers/" + id), null), 202, 204, 404);
		}

		/** @return the project's servers whose name starts with {@code prefix}, deleting ones included */
		List<Server> list(String prefix) {
			// Nova's name filter is a regular expression; the run's prefixes hold only letters, digits and '-'.
			Object answer = get(this.computeUrl + "/servers?name=" + encode("^" + prefix));
			return Json.list(Json.field(answer, "servers")).stream()
				.map((s) -> new Server(Json.string(s, "id"), Json.string(s, "name")))
				.filter((s) -> s.name().startsWith(prefix))
				.toList();
		}

		private static String encode(String s) {
			return URLEncoder.encode(s, StandardCharsets.UTF_8);
		}

	}

	/** One cloud of a clouds.yaml: where Keystone is and who logs in. */
	record Cloud(String authUrl, String username, String password, String userDomain, String projectName,
			String projectDomain, String region, String endpointInterface) {

		static Cloud load(Path cloudsYaml, String name) {
			Map<String, String> flat;
			try {
				flat = flattenYaml(Files.readAllLines(cloudsYaml));
			}
			catch (IOException ex) {
				throw new BenchFailure("cannot read " + cloudsYaml + ": " + ex.getMessage(), ex);
			}
			String cloud = "clouds." + name + ".";
			String auth = cloud + "auth.";
			require(flat.containsKey(auth + "auth_url"), "no cloud '%s' with an auth.auth_url in %s", name, cloudsYaml);
			require(flat.containsKey(auth + "project_name"), "cloud '%s' has no auth.project_name", name);
			String authUrl = flat.get(auth + "auth_url").replaceAll("/+$", "");
			return new Cloud(authUrl.endsWith("/v3") ? authUrl : authUrl + "/v3", flat.get(auth + "username"),
					flat.get(auth + "password"), flat.getOrDefault(auth + "user_domain_name", "Default"),
					flat.get(auth + "project_name"), flat.getOrDefault(auth + "project_domain_name", "Default"),
					flat.get(cloud + "region_name"), flat.getOrDefault(cloud + "interface", "public").replace("URL", ""));
		}

		/**
		 * Enough YAML for a clouds.yaml: block mappings of plain or quoted scalars, flattened to dotted keys
		 * ({@code clouds.devcloud.auth.username}); comments, lists and flow style are skipped.
		 */
		static Map<String, String> flattenYaml(List<String> lines) {
			Map<String, String> flat = new LinkedHashMap<>();
			List<Integer> indents = new ArrayList<>();
			List<String> path = new ArrayList<>();
			for (String raw : lines) {
				String line = raw.replaceAll("(^|\\s)#.*$", "");
				int colon = line.indexOf(':');
				if (line.isBlank() || line.trim().startsWith("-") || colon < 0) {
					continue;
				}
				int indent = line.length() - line.stripLeading().length();
				while (!indents.isEmpty() && indents.get(indents.size() - 1) >= indent) {
					indents.remove(indents.size() - 1);
					path.remove(path.size() - 1);
				}
				String key = line.substring(indent, colon).trim();
				String value = line.substring(colon + 1).trim().replaceAll("^([\"'])(.*)\\1$", "$2");
				if (value.isEmpty()) {
					indents.add(indent);
					path.add(key);
				}
				else {
					flat.put(String.join(".", path) + (path.isEmpty() ? "" : ".") + key, value);
				}
			}
			return flat;
		}

	}

	// =================================================================================================================
	// Report
	// =================================================================================================================

	static final class Report {

		private final List<String[]> rows = new ArrayList<>();

		private boolean allMet = true;

		/** A gateway and a direct figure and their ratio; {@code met} is {@code null} when there is no target. */
		void ratio(String part, String measure, double gateway, double direct, String target, Boolean met) {
			add(part, measure, fmt(gateway), fmt(direct), fmt(gateway / direct), target, met);
		}

		void counts(String part, String measure, String gateway, String direct, String target, boolean met) {
			add(part, measure, gateway, direct, "-", target, met);
		}

		private void add(String part, String measure, String gateway, String direct, String ratio, String target,
				Boolean met) {
			this.rows.add(new String[] { part, measure, gateway, direct, ratio, target,
					(met == null) ? "info" : met ? "met" : "MISSED" });
			this.allMet &= (met == null || met);
		}

		boolean allTargetsMet() {
			return this.allMet;
		}

		void print() {
			List<String[]> lines = new ArrayList<>();
			lines.add(new String[] { "#", "measure", "gateway", "direct", "ratio", "target", "result" });
			lines.addAll(this.rows);
			int[] widths = new int[lines.get(0).length];
			lines.forEach((line) -> Arrays.setAll(widths, (i) -> Math.max(widths[i], line[i].length())));
			lines.add(1, Arrays.stream(widths).mapToObj("-"::repeat).toArray(String[]::new));
			System.out.println();
			for (String[] line : lines) {
				StringBuilder out = new StringBuilder("|");
				for (int i = 0; i < line.length; i++) {
					out.append(' ').append(String.format("%-" + widths[i] + "s", line[i])).append(" |");
				}
				System.out.println(out);
			}
			System.out.println();
			System.out.println(this.allMet ? "All targets met." : "Some targets MISSED.");
			System.out.flush();
		}

		private static String fmt(double value) {
			if (Double.isNaN(value) || Double.isInfinite(value)) {
				return "n/a";
			}
			return String.format(Locale.ROOT, (Math.abs(value) >= 100) ? "%.0f" : (Math.abs(value) >= 10) ? "%.1f" : "%.2f",
					value);
		}

	}

	// =================================================================================================================
	// A small JSON reader: objects become Maps, arrays Lists, numbers Doubles
	// =================================================================================================================

	static final class Json {

		private final String s;

		private int i;

		private Json(String s) {
			this.s = s;
		}

		static Object parse(String text) {
			Json parser = new Json(text);
			Object value = parser.value();
			parser.space();
			parser.expect(parser.i == text.length(), "trailing text");
			return value;
		}

		/** @return the member {@code name} of an object, {@code null} when it has none */
		static Object field(Object object, String name) {
			require(object instanceof Map, "expected a JSON object with '%s', got %s", name, preview(object));
			return ((Map<?, ?>) object).get(name);
		}

		static String string(Object object, String name) {
			Object value = field(object, name);
			require(value instanceof String, "expected a string '%s' in %s", name, preview(object));
			return (String) value;
		}

		@SuppressWarnings("unchecked")
		static List<Object> list(Object value) {
			require(value instanceof List, "expected a JSON array, got %s", preview(value));
			return (List<Object>) value;
		}

		static String quote(String text) {
			StringBuilder out = new StringBuilder("\"");
			for (char c : text.toCharArray()) {
				if (c == '"' || c == '\\') {
					out.append('\\').append(c);
				}
				else if (c < 0x20) {
					out.append(String.format("\\u%04x", (int) c));
				}
				else {
					out.append(c);
				}
			}
			return out.append('"').toString();
		}

		private static String preview(Object value) {
			String text = String.valueOf(value);
			return (text.length() > 200) ? text.substring(0, 200) + "..." : text;
		}

		private Object value() {
			space();
			expect(this.i < this.s.length(), "unexpected end");
			char c = this.s.charAt(this.i);
			if (c == '{') {
				Map<String, Object> map = new LinkedHashMap<>();
				this.i++;
				if (!next('}')) {
					do {
						space();
						String key = string();
						expect(next(':'), "':' expected");
						map.put(key, value());
					}
					while (next(','));
					expect(next('}'), "'}' expected");
				}
				return map;
			}
			if (c == '[') {
				List<Object> list = new ArrayList<>();
				this.i++;
				if (!next(']')) {
					do {
						list.add(value());
					}
					while (next(','));
					expect(next(']'), "']' expected");
				}
				return list;
			}
			if (c == '"') {
				return string();
			}
			for (String word : new String[] { "true", "false", "null" }) {
				if (this.s.startsWith(word, this.i)) {
					this.i += word.length();
					return word.equals("null") ? null : Boolean.valueOf(word);
				}
			}
			int start = this.i;
			while (this.i < this.s.length() && "+-0123456789.eE".indexOf(this.s.charAt(this.i)) >= 0) {
				this.i++;
			}
			expect(this.i > start, "value expected");
			return Double.valueOf(this.s.substring(start, this.i));
		}

		private String string() {
			expect(next('"'), "string expected");
			StringBuilder out = new StringBuilder();
			while (true) {
				expect(this.i < this.s.length(), "unterminated string");
				char c = this.s.charAt(this.i++);
				if (c == '"') {
					return out.toString();
				}
				if (c != '\\') {
					out.append(c);
					continue;
				}
				char e = this.s.charAt(this.i++);
				switch (e) {
					case 'n' -> out.append('\n');
					case 't' -> out.append('\t');
					case 'r' -> out.append('\r');
					case 'b' -> out.append('\b');
					case 'f' -> out.append('\f');
					case 'u' -> {
						out.append((char) Integer.parseInt(this.s.substring(this.i, this.i + 4), 16));
						this.i += 4;
					}
					default -> out.append(e);
				}
			}
		}

		/** Skips white space; then consumes {@code c} if it comes next. */
		private boolean next(char c) {
			space();
			if (this.i < this.s.length() && this.s.charAt(this.i) == c) {
				this.i++;
				return true;
			}
			return false;
		}

		private void space() {
			while (this.i < this.s.length() && Character.isWhitespace(this.s.charAt(this.i))) {
				this.i++;
			}
		}

		private void expect(boolean condition, String problem) {
			if (!condition) {
				int from = Math.max(0, this.i - 40);
				throw new BenchFailure("bad JSON at " + this.i + " (" + problem + "): ..."
						+ this.s.substring(from, Math.min(this.s.length(), this.i + 40)) + "...");
			}
		}

	}

}
