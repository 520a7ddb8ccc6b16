import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.IntConsumer;
import java.util.function.IntSupplier;
import java.util.stream.Collectors;

/**
 * Stackgate performance benchmark: the gateway against the OpenStack calls it replaces, side by side in one run.
 * <p>
 * Run by {@code bench/run}, which starts a gateway; or by hand against a running one:
 * <pre>
 *   eval "$(devcloud/env)"
 *   java bench/GatewayBench.java --url http://127.0.0.1:8080 [--gateway-pid PID] [options]
 * </pre>
 * No dependencies: java.net.http and a small JSON reader below. Exit status: 0 done, 1 a request failed or the
 * set-up is wrong, 2 bad arguments, 3 a target was missed and {@code --check} was given.
 */
public final class GatewayBench {

	public static void main(String[] args) {
		if (Arrays.asList(args).contains("--help") || Arrays.asList(args).contains("-h")) {
			System.out.println(Options.USAGE);
			return;
		}
		Options options;
		try {
			options = Options.parse(args);
		}
		catch (IllegalArgumentException ex) {
			System.err.println("GatewayBench: " + ex.getMessage());
			System.err.println(Options.USAGE);
			System.exit(2);
			return;
		}
		try {
			Report report = new GatewayBench(options).run();
			report.print(System.out);
			if (report.hasFailures()) {
				System.exit(1);
			}
			System.exit(options.check && !report.allTargetsMet() ? 3 : 0);
		}
		catch (BenchFailure ex) {
			System.out.flush();
			System.err.println();
			System.err.println("GatewayBench FAILED: " + ex.getMessage());
			System.exit(1);
		}
	}

	private final Options options;

	private final HttpClient http;

	private final Keystone keystone;

	private final Gateway gateway;

	private final Report report = new Report();

	private GatewayBench(Options options) {
		this.options = options;
		this.http = HttpClient.newBuilder()
			.version(HttpClient.Version.HTTP_1_1)
			.connectTimeout(Duration.ofSeconds(5))
			.build();
		this.keystone = new Keystone(this.http, Cloud.load(options.cloudsYaml, options.cloud));
		this.gateway = new Gateway(this.http, options.url, this.keystone);
	}

	private Report run() {
		log("machine: %d CPUs, load average %s; bench client on Java %s", Runtime.getRuntime().availableProcessors(),
				loadAverage(), System.getProperty("java.version"));
		log("gateway %s%s", this.options.url,
				(this.options.gatewayPid > 0) ? " (pid " + this.options.gatewayPid + ")" : "");
		this.gateway.awaitReady(this.options.readyTimeout, this.options.gatewayPid);
		Session session = this.keystone.session();
		log("keystone %s: token for project %s; nova %s, glance %s, neutron %s", this.keystone.cloud.authUrl,
				session.projectId, session.nova, session.glance, session.neutron);
		Direct direct = new Direct(this.http, this.keystone);
		preflight(direct);
		long rssAtStart = rssKiB();
		section("1", "servers latency", () -> benchServersLatency(direct));
		section("2", "launch-options throughput", () -> benchLaunchOptionsThroughput(direct));
		section("3", "keystone authentications", this::benchKeystoneAuthentications);
		section("4", "gateway RSS", () -> benchMemory(rssAtStart));
		log("load average at the end: %s", loadAverage());
		return this.report;
	}

	/**
	 * Runs one section. A failed request ends the section, not the run: the table shows what was measured and the
	 * exit status says that something failed.
	 */
	private void section(String number, String name, Runnable body) {
		try {
			body.run();
		}
		catch (BenchFailure ex) {
			log("   FAILED: %s", ex.getMessage());
			this.report.failed(number, name, ex.getMessage());
		}
	}

	// ---- preflight: both sides answer, and with the same data --------------------------------------------------

	private void preflight(Direct direct) {
		List<Object> servers = Json.parse(direct.servers()).field("servers").asList();
		log("servers: %d (%s)", servers.size(), names(servers));
		sameCount("servers", () -> Json.parse(this.gateway.get("/api/v1/servers")).asList().size(),
				() -> Json.parse(direct.servers()).field("servers").asList().size());

		Json[] upstream = await(direct.launchOptions()).stream().map(Json::parse).toArray(Json[]::new);
		require(!upstream[1].has("next"), "Glance answered more than one page of images; the direct side would be short");
		Json options = Json.parse(this.gateway.get("/api/v1/launch-options"));
		log("launch options: %d flavors, %d images, %d networks (%d attachable), %d subnets",
				upstream[0].field("flavors").asList().size(), upstream[1].field("images").asList().size(),
				upstream[2].field("networks").asList().size(), options.field("networks").asList().size(),
				upstream[3].field("subnets").asList().size());
		sameCount("flavors", () -> options.field("flavors").asList().size(),
				() -> upstream[0].field("flavors").asList().size());
		sameCount("images", () -> options.field("images").asList().size(),
				() -> upstream[1].field("images").asList().size());
	}

	/**
	 * Checks that both sides serve the same data. Other people's tests may create servers in the project meanwhile,
	 * so a difference is asked again and, if it stays, only warned about.
	 */
	private static void sameCount(String what, IntSupplier viaGateway, IntSupplier direct) {
		int gw = 0;
		int os = 0;
		for (int attempt = 0; attempt < 3; attempt++) {
			gw = viaGateway.getAsInt();
			os = direct.getAsInt();
			if (gw == os) {
				return;
			}
		}
		log("   WARNING: the gateway serves %d %s, OpenStack %d (is the project changing under the bench?)", gw, what,
				os);
	}

	private static String names(List<Object> servers) {
		return servers.stream().map((s) -> String.valueOf(new Json(s).field("name").value)).sorted()
			.collect(Collectors.joining(", "));
	}

	// ---- 1. latency: gateway GET /api/v1/servers vs Nova GET /servers/detail -----------------------------------

	private void benchServersLatency(Direct direct) {
		int warmup = this.options.warmup;
		int measured = this.options.requests;
		log("1. latency: %d warm-up + %d measured sequential requests per side, interleaved", warmup, measured);
		long[] viaGateway = new long[measured];
		long[] viaNova = new long[measured];
		long[] startedAt = new long[measured];
		long t0 = System.nanoTime();
		for (int i = 0; i < warmup + measured; i++) {
			// Alternate which side goes first so that neither always follows the other.
			boolean gatewayFirst = (i % 2 == 0);
			long at = System.nanoTime() - t0;
			long first = gatewayFirst ? timed(() -> this.gateway.get("/api/v1/servers")) : timed(direct::servers);
			long second = gatewayFirst ? timed(direct::servers) : timed(() -> this.gateway.get("/api/v1/servers"));
			if (i >= warmup) {
				viaGateway[i - warmup] = gatewayFirst ? first : second;
				viaNova[i - warmup] = gatewayFirst ? second : first;
				startedAt[i - warmup] = at;
			}
		}
		writeSamples(startedAt, viaGateway, viaNova);
		Latencies gw = Latencies.of(viaGateway);
		Latencies nova = Latencies.of(viaNova);
		log("   gateway p50 %.2f ms p99 %.2f ms (min %.2f, max %.2f); nova p50 %.2f ms p99 %.2f ms (min %.2f, max %.2f)",
				gw.p50, gw.p99, gw.min, gw.max, nova.p50, nova.p99, nova.min, nova.max);
		this.report.ratio("1", "servers p50 latency (ms)", gw.p50, nova.p50, "<= 1.10", gw.p50 / nova.p50 <= 1.10);
		this.report.ratio("1", "servers p99 latency (ms)", gw.p99, nova.p99, "<= 1.10", gw.p99 / nova.p99 <= 1.10);
	}

	/** With {@code --samples FILE}: one line per measured pair, to look at the tail. */
	private void writeSamples(long[] startedAt, long[] viaGateway, long[] viaNova) {
		if (this.options.samples == null) {
			return;
		}
		StringBuilder csv = new StringBuilder("seconds_since_start,gateway_ms,nova_ms\n");
		for (int i = 0; i < startedAt.length; i++) {
			csv.append(String.format(Locale.ROOT, "%.3f,%.2f,%.2f%n", startedAt[i] / 1e9, viaGateway[i] / 1e6,
					viaNova[i] / 1e6));
		}
		try {
			Files.writeString(this.options.samples, csv);
			log("   samples written to %s", this.options.samples);
		}
		catch (IOException ex) {
			throw new BenchFailure("cannot write " + this.options.samples + ": " + ex.getMessage(), ex);
		}
	}

	private static long timed(Runnable request) {
		long start = System.nanoTime();
		request.run();
		return System.nanoTime() - start;
	}

	// ---- 2. throughput: cached launch options vs the four calls it replaces --------------------------------------

	private void benchLaunchOptionsThroughput(Direct direct) {
		int clients = this.options.clients;
		Duration duration = this.options.duration;
		log("2. throughput: %d concurrent clients, %d s per side (after %d s warm-up each)", clients,
				duration.toSeconds(), this.options.throughputWarmup.toSeconds());
		Runnable viaGateway = () -> this.gateway.get("/api/v1/launch-options");
		Runnable viaServices = () -> await(direct.launchOptions());
		Load.closedLoop(clients, this.options.throughputWarmup, viaGateway);
		double gw = Load.closedLoop(clients, duration, viaGateway).perSecond();
		log("   gateway  %.1f req/s", gw);
		Load.closedLoop(clients, this.options.throughputWarmup, viaServices);
		double services = Load.closedLoop(clients, duration, viaServices).perSecond();
		log("   direct   %.1f req/s (each: flavors, images, networks, subnets in parallel)", services);
		this.report.ratio("2", "launch-options throughput (req/s, " + clients + " clients)", gw, services, ">= 20",
				gw / services >= 20);
	}

	// ---- 3. Keystone password logins per 1,000 gateway requests ----------------------------------------------------

	/**
	 * Counts the gateway's own password logins ({@code stackgate_keystone_authentications_total}, the target) and,
	 * once callers authenticate with Keystone tokens, the caller token validations it asks of Keystone (its cache
	 * misses, reported beside it): both are Keystone round trips caused by the gateway.
	 */
	private void benchKeystoneAuthentications() {
		int requests = this.options.authRequests;
		log("3. keystone authentications over %d gateway requests (GET /api/v1/servers, %d clients)", requests,
				this.options.authClients);
		KeystoneCalls before = this.gateway.keystoneCalls();
		Load.fixedCount(this.options.authClients, requests, (i) -> this.gateway.get("/api/v1/servers"));
		KeystoneCalls after = this.gateway.keystoneCalls();
		double logins = (after.logins - before.logins) * 1000.0 / requests;
		double validations = (after.validations - before.validations) * 1000.0 / requests;
		log("   password logins %.0f -> %.0f; caller token validations %.0f -> %.0f", before.logins, after.logins,
				before.validations, after.validations);
		this.report.single("3", "keystone password logins per 1,000 requests", logins, "%.1f", "<= 1", logins <= 1);
		this.report.note("3", "caller token validations per 1,000 requests",
				String.format(Locale.ROOT, "%.1f (cache misses; one per token per cache TTL)", validations));
	}

	/** Keystone round trips the gateway counted: its own password logins and caller token validations. */
	record KeystoneCalls(double logins, double validations) {
	}

	// ---- 4. resident memory of the gateway ------------------------------------------------------------------------

	/**
	 * Every tenth request lists servers (a Nova call and the mapping of its answer), the others get the cached launch
	 * options: a single-worker Nova could not serve 10,000 server lists in a reasonable time.
	 */
	private void benchMemory(long rssAtStartKiB) {
		int requests = this.options.rssRequests;
		log("4. memory: %d gateway requests (1 in 10 servers, the others launch-options; %d clients)", requests,
				this.options.rssClients);
		Load.fixedCount(this.options.rssClients, requests,
				(i) -> this.gateway.get((i % 10 == 0) ? "/api/v1/servers" : "/api/v1/launch-options"));
		long rss = rssKiB();
		if (rss < 0) {
			this.report.note("4", "gateway RSS after " + requests + " requests", "n/a (no --gateway-pid)");
			return;
		}
		long peak = procStatusKiB("VmHWM");
		log("   RSS %.0f MiB at start of the bench, %.0f MiB now, peak %.0f MiB; %d gateway requests sent in all",
				mib(rssAtStartKiB), mib(rss), mib(peak), this.gateway.requestCount());
		this.report.note("4", "gateway RSS after " + requests + " requests (MiB)",
				String.format(Locale.ROOT, "%.0f (peak %.0f, %.0f at start)", mib(rss), mib(peak), mib(rssAtStartKiB)));
	}

	private long rssKiB() {
		return procStatusKiB("VmRSS");
	}

	private long procStatusKiB(String field) {
		if (this.options.gatewayPid <= 0) {
			return -1;
		}
		Path status = Path.of("/proc", String.valueOf(this.options.gatewayPid), "status");
		try {
			for (String line : Files.readAllLines(status)) {
				if (line.startsWith(field + ":")) {
					return Long.parseLong(line.substring(field.length() + 1).replace("kB", "").trim());
				}
			}
		}
		catch (IOException ex) {
			throw new BenchFailure("cannot read " + status + ": is the gateway still running? " + ex.getMessage());
		}
		throw new BenchFailure("no " + field + " in " + status);
	}

	/** @return the 1, 5 and 15 minute load averages: other work on the machine skews every figure */
	private static String loadAverage() {
		try {
			String[] fields = Files.readString(Path.of("/proc/loadavg")).trim().split(" ");
			return String.join(" ", Arrays.copyOf(fields, 3));
		}
		catch (IOException ex) {
			return "n/a";
		}
	}

	private static double mib(long kib) {
		return kib / 1024.0;
	}

	// ---- helpers ---------------------------------------------------------------------------------------------------

	static void log(String format, Object... args) {
		System.out.println(String.format(Locale.ROOT, format, args));
		System.out.flush();
	}

	static void require(boolean condition, String format, Object... args) {
		if (!condition) {
			throw new BenchFailure(String.format(Locale.ROOT, format, args));
		}
	}

	/** A request failed or the set-up is not what the benchmark needs: the run stops. */
	static final class BenchFailure extends RuntimeException {

		private static final long serialVersionUID = 1L;

		BenchFailure(String message) {
			super(message);
		}

		BenchFailure(String message, Throwable cause) {
			super(message, cause);
		}

	}

	// =================================================================================================================
	// Command line
	// =================================================================================================================

	static final class Options {

		static final String USAGE = """
				usage: java bench/GatewayBench.java --url URL [options]   (bench/run starts a gateway for you)
				  --url URL               the gateway, e.g. http://127.0.0.1:8080 (required)
				  --gateway-pid PID       the gateway's process, for its RSS (section 4)
				  --clouds-yaml PATH      default $OS_CLIENT_CONFIG_FILE
				  --cloud NAME            default $OS_CLOUD
				  --warmup N              latency warm-up requests per side (50)
				  --requests N            latency measured requests per side (300)
				  --clients N             throughput concurrent clients (32)
				  --duration S            throughput seconds per side (20)
				  --throughput-warmup S   throughput warm-up seconds per side (3)
				  --auth-requests N       requests for the Keystone login count (1000)
				  --auth-clients N        concurrent clients for it (4)
				  --rss-requests N        requests before reading RSS (10000)
				  --rss-clients N         concurrent clients for them (8)
				  --timeout S             longest a single request may take before it counts as failed (300)
				  --ready-timeout S       how long to wait for readiness (180)
				  --samples FILE          write the latency samples of section 1 as CSV
				  --check                 exit 3 when a target is missed""";

		URI url;

		long gatewayPid = -1;

		Path cloudsYaml = envPath("OS_CLIENT_CONFIG_FILE");

		String cloud = System.getenv("OS_CLOUD");

		int warmup = 50;

		int requests = 300;

		int clients = 32;

		Duration duration = Duration.ofSeconds(20);

		Duration throughputWarmup = Duration.ofSeconds(3);

		int authRequests = 1000;

		int authClients = 4;

		int rssRequests = 10_000;

		int rssClients = 8;

		Duration readyTimeout = Duration.ofSeconds(180);

		Path samples;

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
					case "--requests" -> o.requests = atLeast(1, value, name);
					case "--clients" -> o.clients = atLeast(1, value, name);
					case "--duration" -> o.duration = Duration.ofSeconds(atLeast(1, value, name));
					case "--throughput-warmup" -> o.throughputWarmup = Duration.ofSeconds(atLeast(0, value, name));
					case "--auth-requests" -> o.authRequests = atLeast(1, value, name);
					case "--auth-clients" -> o.authClients = atLeast(1, value, name);
					case "--rss-requests" -> o.rssRequests = atLeast(1, value, name);
					case "--rss-clients" -> o.rssClients = atLeast(1, value, name);
					case "--samples" -> o.samples = Path.of(value);
					case "--timeout" -> requestTimeout = Duration.ofSeconds(atLeast(1, value, name));
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

		private static int atLeast(int min, String value, String name) {
			int n;
			try {
				n = Integer.parseInt(value);
			}
			catch (NumberFormatException ex) {
				throw new IllegalArgumentException(name + " takes a number, not '" + value + "'");
			}
			if (n < min) {
				throw new IllegalArgumentException(name + " must be at least " + min);
			}
			return n;
		}

		private static Path envPath(String name) {
			String value = System.getenv(name);
			return (value == null || value.isBlank()) ? null : Path.of(value);
		}

	}

	// =================================================================================================================
	// HTTP
	// =================================================================================================================

	/** How long one request may take; set by {@code --timeout}. It only guards against hangs. */
	static Duration requestTimeout = Duration.ofSeconds(300);

	/** Sends a request and returns its body; anything but a 2xx is a {@link BenchFailure}. */
	static String send(HttpClient http, HttpRequest request) {
		HttpResponse<String> response = exchange(http, request);
		requireOk(request, response);
		return response.body();
	}

	static HttpResponse<String> exchange(HttpClient http, HttpRequest request) {
		try {
			return http.send(request, HttpResponse.BodyHandlers.ofString());
		}
		catch (IOException ex) {
			throw new BenchFailure(request.method() + " " + request.uri() + ": " + ex
					+ " (is the gateway running? is the devcloud up: devcloud/status?)", ex);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new BenchFailure(request.method() + " " + request.uri() + ": interrupted", ex);
		}
	}

	static void requireOk(HttpRequest request, HttpResponse<String> response) {
		int status = response.statusCode();
		if (status < 200 || status > 299) {
			String body = response.body();
			body = (body.length() > 300) ? body.substring(0, 300) + "..." : body;
			throw new BenchFailure(request.method() + " " + request.uri() + " answered " + status + ": " + body);
		}
	}

	/** Waits for a future; its failure is thrown as it was, not wrapped. */
	static <T> T await(CompletableFuture<T> future) {
		try {
			return future.join();
		}
		catch (CompletionException ex) {
			Throwable cause = (ex.getCause() != null) ? ex.getCause() : ex;
			throw (cause instanceof BenchFailure failure) ? failure : new BenchFailure(cause.toString(), cause);
		}
	}

	static HttpRequest.Builder getRequest(URI uri) {
		return HttpRequest.newBuilder(uri).timeout(requestTimeout).header("Accept", "application/json").GET();
	}

	/**
	 * The gateway. Sends no credentials until it answers 401; from then on every request carries an
	 * {@code X-Auth-Token} from the bench's own Keystone session.
	 */
	static final class Gateway {

		private static final String LOGINS = "stackgate_keystone_authentications_total";

		private static final String VALIDATIONS = "stackgate_auth_token_validations_total";

		private final HttpClient http;

		private final URI base;

		private final Keystone keystone;

		private final AtomicLong requests = new AtomicLong();

		private volatile boolean sendToken;

		Gateway(HttpClient http, URI base, Keystone keystone) {
			this.http = http;
			this.base = base;
			this.keystone = keystone;
		}

		String get(String path) {
			return get(path, "application/json");
		}

		String get(String path, String accept) {
			this.requests.incrementAndGet();
			Session session = this.sendToken ? this.keystone.session() : null;
			HttpRequest request = request(path, accept, session);
			HttpResponse<String> response = exchange(this.http, request);
			if (response.statusCode() == 401) {
				if (!this.sendToken) {
					this.sendToken = true;
					log("   gateway asked for credentials (401): sending X-Auth-Token from now on");
				}
				session = (session == null) ? this.keystone.session() : this.keystone.renew(session);
				request = request(path, accept, session);
				response = exchange(this.http, request);
			}
			require(response.statusCode() != 429, "the gateway rate-limits the bench (429 on %s): start it with "
					+ "STACKGATE_AUTH_RATELIMIT_REQUESTS=0 (bench/run does)", path);
			requireOk(request, response);
			return response.body();
		}

		long requestCount() {
			return this.requests.get();
		}

		/** Waits until {@code /actuator/health/readiness} answers 200; fails early if the gateway process died. */
		void awaitReady(Duration timeout, long pid) {
			long deadline = System.nanoTime() + timeout.toNanos();
			HttpRequest probe = getRequest(this.base.resolve("/actuator/health/readiness")).timeout(Duration.ofSeconds(5))
				.build();
			String last = "no answer yet";
			while (System.nanoTime() < deadline) {
				if (pid > 0 && !Files.exists(Path.of("/proc", String.valueOf(pid)))) {
					throw new BenchFailure("the gateway (pid " + pid + ") exited before it was ready");
				}
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

		/** @return the sum of the gateway's Keystone login counter over its label sets */
		/** @return the gateway's Keystone counters, each summed over its label sets; validations are optional */
		KeystoneCalls keystoneCalls() {
			String metrics = get("/actuator/prometheus", "text/plain");
			double logins = sum(metrics, LOGINS);
			require(logins >= 0, "no %s in /actuator/prometheus", LOGINS);
			return new KeystoneCalls(logins, Math.max(0, sum(metrics, VALIDATIONS)));
		}

		/** @return the sum of a counter's samples, or -1 when the counter is not there */
		private static double sum(String metrics, String counter) {
			double sum = 0;
			boolean found = false;
			for (String line : metrics.split("\n")) {
				if (line.startsWith(counter + " ") || line.startsWith(counter + "{")) {
					sum += Double.parseDouble(line.substring(line.lastIndexOf(' ') + 1));
					found = true;
				}
			}
			return found ? sum : -1;
		}

		private HttpRequest request(String path, String accept, Session session) {
			HttpRequest.Builder builder = getRequest(this.base.resolve(path)).setHeader("Accept", accept);
			if (session != null) {
				builder.header("X-Auth-Token", session.token);
			}
			return builder.build();
		}

	}

	/** The OpenStack APIs called directly, with the bench's own token, as a client without the gateway would. */
	static final class Direct {

		private final HttpClient http;

		private final Keystone keystone;

		Direct(HttpClient http, Keystone keystone) {
			this.http = http;
			this.keystone = keystone;
		}

		/** Nova {@code GET /servers/detail}. */
		String servers() {
			Session session = this.keystone.session();
			return await(call(session, session.nova + "/servers/detail"));
		}

		/** Nova flavors, Glance active images, Neutron networks and subnets, in parallel. */
		CompletableFuture<List<String>> launchOptions() {
			Session session = this.keystone.session();
			List<CompletableFuture<String>> calls = List.of(call(session, session.nova + "/flavors/detail"),
					call(session, session.glance + "/v2/images?status=active"),
					call(session, session.neutron + "/v2.0/networks"), call(session, session.neutron + "/v2.0/subnets"));
			return CompletableFuture.allOf(calls.toArray(CompletableFuture[]::new))
				.thenApply((done) -> calls.stream().map(CompletableFuture::join).toList());
		}

		/** One GET; a 401 (the token expired) gets one retry with a new token. */
		private CompletableFuture<String> call(Session session, String url) {
			HttpRequest request = withToken(url, session);
			return this.http.sendAsync(request, HttpResponse.BodyHandlers.ofString()).thenCompose((response) -> {
				if (response.statusCode() != 401) {
					return CompletableFuture.completedFuture(response);
				}
				return this.http.sendAsync(withToken(url, this.keystone.renew(session)),
						HttpResponse.BodyHandlers.ofString());
			}).handle((response, error) -> {
				if (error != null) {
					Throwable cause = (error instanceof CompletionException) ? error.getCause() : error;
					throw new BenchFailure("GET " + url + ": " + cause + " (is the devcloud up: devcloud/status?)", cause);
				}
				requireOk(request, response);
				return response.body();
			});
		}

		private static HttpRequest withToken(String url, Session session) {
			return getRequest(URI.create(url)).header("X-Auth-Token", session.token).build();
		}

	}

	// =================================================================================================================
	// Keystone
	// =================================================================================================================

	/** One cloud of a clouds.yaml: where Keystone is and who logs in. */
	record Cloud(String authUrl, String username, String password, String userDomain, String projectName,
			String projectId, String projectDomain, String region, String endpointInterface) {

		static Cloud load(Path cloudsYaml, String name) {
			Map<String, String> flat;
			try {
				flat = MiniYaml.flatten(Files.readAllLines(cloudsYaml));
			}
			catch (IOException ex) {
				throw new BenchFailure("cannot read " + cloudsYaml + ": " + ex.getMessage(), ex);
			}
			String prefix = "clouds." + name + ".";
			require(flat.containsKey(prefix + "auth.auth_url"), "no cloud '%s' with an auth.auth_url in %s", name,
					cloudsYaml);
			String auth = prefix + "auth.";
			String authUrl = flat.get(auth + "auth_url").replaceAll("/+$", "");
			return new Cloud(authUrl.endsWith("/v3") ? authUrl : authUrl + "/v3", flat.get(auth + "username"),
					flat.get(auth + "password"), flat.getOrDefault(auth + "user_domain_name", "Default"),
					flat.get(auth + "project_name"), flat.get(auth + "project_id"),
					flat.getOrDefault(auth + "project_domain_name", "Default"), flat.get(prefix + "region_name"),
					flat.getOrDefault(prefix + "interface", "public").replace("URL", ""));
		}

	}

	/** A token and the endpoints from its catalog. */
	record Session(String token, String projectId, String nova, String glance, String neutron) {
	}

	/** Keystone v3 password authentication, done once and shared; renewed only when a service refuses the token. */
	static final class Keystone {

		final Cloud cloud;

		private final HttpClient http;

		private final AtomicReference<Session> current = new AtomicReference<>();

		Keystone(HttpClient http, Cloud cloud) {
			this.http = http;
			this.cloud = cloud;
		}

		Session session() {
			Session session = this.current.get();
			return (session != null) ? session : renew(null);
		}

		synchronized Session renew(Session rejected) {
			Session session = this.current.get();
			if (session != null && session != rejected) {
				return session;
			}
			session = login();
			this.current.set(session);
			return session;
		}

		private Session login() {
			HttpRequest request = HttpRequest.newBuilder(URI.create(this.cloud.authUrl + "/auth/tokens"))
				.timeout(requestTimeout)
				.header("Content-Type", "application/json")
				.POST(HttpRequest.BodyPublishers.ofString(passwordAuthBody()))
				.build();
			HttpResponse<String> response = exchange(this.http, request);
			requireOk(request, response);
			String token = response.headers().firstValue("X-Subject-Token")
				.orElseThrow(() -> new BenchFailure("Keystone answered without X-Subject-Token"));
			Json body = Json.parse(response.body()).field("token");
			String projectId = (String) body.field("project").field("id").value;
			List<Object> catalog = body.field("catalog").asList();
			return new Session(token, projectId, endpoint(catalog, "compute"), endpoint(catalog, "image"),
					endpoint(catalog, "network"));
		}

		private String passwordAuthBody() {
			String project = (this.cloud.projectId != null) ? "{\"id\":" + Json.quote(this.cloud.projectId) + "}"
					: "{\"name\":" + Json.quote(this.cloud.projectName) + ",\"domain\":{\"name\":"
							+ Json.quote(this.cloud.projectDomain) + "}}";
			return "{\"auth\":{\"identity\":{\"methods\":[\"password\"],\"password\":{\"user\":{\"name\":"
					+ Json.quote(this.cloud.username) + ",\"domain\":{\"name\":" + Json.quote(this.cloud.userDomain)
					+ "},\"password\":" + Json.quote(this.cloud.password) + "}}},\"scope\":{\"project\":" + project
					+ "}}}";
		}

		/** @return the URL of a service of the catalog, for the cloud's interface and region, without a trailing / */
		private String endpoint(List<Object> catalog, String type) {
			for (Object entry : catalog) {
				Json service = new Json(entry);
				if (!type.equals(service.field("type").value)) {
					continue;
				}
				for (Object e : service.field("endpoints").asList()) {
					Json endpoint = new Json(e);
					boolean sameInterface = this.cloud.endpointInterface.equals(endpoint.field("interface").value);
					boolean sameRegion = this.cloud.region == null
							|| this.cloud.region.equals(endpoint.optional("region_id"))
							|| this.cloud.region.equals(endpoint.optional("region"));
					if (sameInterface && sameRegion) {
						return stripVersion(type, ((String) endpoint.field("url").value).replaceAll("/+$", ""));
					}
				}
			}
			throw new BenchFailure("no " + this.cloud.endpointInterface + " '" + type + "' endpoint"
					+ ((this.cloud.region != null) ? " in region " + this.cloud.region : "") + " in the catalog");
		}

		/** Glance and Neutron catalog URLs may or may not carry the API version; the bench adds it itself. */
		private static String stripVersion(String type, String url) {
			return switch (type) {
				case "image" -> url.replaceAll("/v2(\\.\\d+)?$", "");
				case "network" -> url.replaceAll("/v2\\.0$", "");
				default -> url;
			};
		}

	}

	// =================================================================================================================
	// Load generation and statistics
	// =================================================================================================================

	static final class Load {

		record Result(long operations, long nanos) {

			double perSecond() {
				return this.operations * 1e9 / this.nanos;
			}

		}

		/**
		 * {@code clients} threads each repeat {@code operation} back to back for {@code duration}. Operations that
		 * end after it are waited for (a failure still fails the run) but not counted.
		 */
		static Result closedLoop(int clients, Duration duration, Runnable operation) {
			if (duration.isZero()) {
				return new Result(0, 1);
			}
			AtomicLong operations = new AtomicLong();
			long start = System.nanoTime();
			long deadline = start + duration.toNanos();
			onThreads(clients, (client) -> {
				while (System.nanoTime() < deadline) {
					operation.run();
					if (System.nanoTime() <= deadline) {
						operations.incrementAndGet();
					}
				}
			});
			long drain = System.nanoTime() - deadline;
			if (drain > 2_000_000_000L) {
				log("   (the last operations ended %.1f s after the %d s window)", drain / 1e9, duration.toSeconds());
			}
			return new Result(operations.get(), duration.toNanos());
		}

		/** {@code clients} threads share {@code count} operations; each gets its operation's index. */
		static void fixedCount(int clients, int count, IntConsumer operation) {
			AtomicLong next = new AtomicLong();
			onThreads(clients, (client) -> {
				for (long i = next.getAndIncrement(); i < count; i = next.getAndIncrement()) {
					operation.accept((int) i);
				}
			});
		}

		/** Runs {@code body} on {@code clients} threads; the first failure stops the others and is thrown. */
		private static void onThreads(int clients, IntConsumer body) {
			ExecutorService pool = Executors.newFixedThreadPool(clients);
			try {
				List<Future<?>> running = new ArrayList<>();
				for (int c = 0; c < clients; c++) {
					int client = c;
					running.add(pool.submit(() -> body.accept(client)));
				}
				for (Future<?> future : running) {
					future.get();
				}
			}
			catch (java.util.concurrent.ExecutionException ex) {
				pool.shutdownNow();
				Throwable cause = ex.getCause();
				if (cause instanceof CompletionException && cause.getCause() != null) {
					cause = cause.getCause();
				}
				throw (cause instanceof BenchFailure failure) ? failure : new BenchFailure(cause.toString(), cause);
			}
			catch (InterruptedException ex) {
				Thread.currentThread().interrupt();
				throw new BenchFailure("interrupted", ex);
			}
			finally {
				pool.shutdownNow();
			}
		}

	}

	/** Latencies in milliseconds. Percentiles are nearest-rank. */
	record Latencies(double min, double p50, double p99, double max) {

		static Latencies of(long[] nanos) {
			long[] sorted = nanos.clone();
			Arrays.sort(sorted);
			return new Latencies(ms(sorted[0]), ms(rank(sorted, 50)), ms(rank(sorted, 99)),
					ms(sorted[sorted.length - 1]));
		}

		private static long rank(long[] sorted, int percentile) {
			int index = (int) Math.ceil(percentile / 100.0 * sorted.length) - 1;
			return sorted[Math.max(0, index)];
		}

		private static double ms(long nanos) {
			return nanos / 1e6;
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

	// =================================================================================================================
	// Report
	// =================================================================================================================

	static final class Report {

		record Row(String section, String measure, String gateway, String direct, String ratio, String target,
				String verdict) {
		}

		private final List<Row> rows = new ArrayList<>();

		private boolean allMet = true;

		private boolean failures;

		void ratio(String section, String measure, double gateway, double direct, String target, boolean met) {
			add(new Row(section, measure, fmt(gateway), fmt(direct), fmt(gateway / direct), target, verdict(met)));
			this.allMet &= met;
		}

		void single(String section, String measure, double value, String format, String target, boolean met) {
			add(new Row(section, measure, String.format(Locale.ROOT, format, value), "-", "-", target, verdict(met)));
			this.allMet &= met;
		}

		void note(String section, String measure, String value) {
			add(new Row(section, measure, value, "-", "-", "-", "info"));
		}

		void failed(String section, String measure, String reason) {
			String shortReason = (reason.length() > 60) ? reason.substring(0, 60) + "..." : reason;
			add(new Row(section, measure, "FAILED: " + shortReason, "-", "-", "-", "FAILED"));
			this.failures = true;
		}

		boolean allTargetsMet() {
			return this.allMet;
		}

		boolean hasFailures() {
			return this.failures;
		}

		void print(java.io.PrintStream out) {
			String[] header = { "#", "measure", "gateway", "direct", "ratio", "target", "result" };
			List<String[]> lines = new ArrayList<>();
			lines.add(header);
			this.rows.forEach((r) -> lines.add(new String[] { r.section, r.measure, r.gateway, r.direct, r.ratio,
					r.target, r.verdict }));
			int[] widths = new int[header.length];
			for (String[] line : lines) {
				for (int i = 0; i < line.length; i++) {
					widths[i] = Math.max(widths[i], line[i].length());
				}
			}
			out.println();
			for (int l = 0; l < lines.size(); l++) {
				out.println(row(lines.get(l), widths));
				if (l == 0) {
					String[] rule = new String[header.length];
					for (int i = 0; i < rule.length; i++) {
						rule[i] = "-".repeat(widths[i]);
					}
					out.println(row(rule, widths));
				}
			}
			out.println();
			out.println(this.failures ? "Requests FAILED: see the log above; the figures are incomplete."
					: this.allMet ? "All targets met." : "Some targets MISSED.");
			out.flush();
		}

		private void add(Row row) {
			this.rows.add(row);
		}

		private static String row(String[] cells, int[] widths) {
			StringBuilder line = new StringBuilder("|");
			for (int i = 0; i < cells.length; i++) {
				line.append(' ').append(String.format("%-" + widths[i] + "s", cells[i])).append(" |");
			}
			return line.toString();
		}

		private static String verdict(boolean met) {
			return met ? "met" : "MISSED";
		}

		private static String fmt(double value) {
			return String.format(Locale.ROOT, (Math.abs(value) >= 1000) ? "%.0f" : (Math.abs(value) >= 10) ? "%.1f" : "%.2f",
					value);
		}

	}

	// =================================================================================================================
	// Tiny JSON and YAML readers: just what the bench needs
	// =================================================================================================================

	/** A parsed JSON value: Map, List, String, Double, Boolean or null. */
	static final class Json {

		final Object value;

		Json(Object value) {
			this.value = value;
		}

		static Json parse(String text) {
			return new Json(new Parser(text).document());
		}

		Json field(String name) {
			require(this.value instanceof Map, "expected a JSON object with '%s', got %s", name, preview());
			Map<?, ?> map = (Map<?, ?>) this.value;
			require(map.containsKey(name), "JSON object has no '%s': %s", name, preview());
			return new Json(map.get(name));
		}

		boolean has(String name) {
			return this.value instanceof Map<?, ?> map && map.containsKey(name);
		}

		Object optional(String name) {
			return has(name) ? ((Map<?, ?>) this.value).get(name) : null;
		}

		@SuppressWarnings("unchecked")
		List<Object> asList() {
			require(this.value instanceof List, "expected a JSON array, got %s", preview());
			return (List<Object>) this.value;
		}

		private String preview() {
			String text = String.valueOf(this.value);
			return (text.length() > 200) ? text.substring(0, 200) + "..." : text;
		}

		static String quote(String s) {
			StringBuilder out = new StringBuilder("\"");
			for (char c : s.toCharArray()) {
				switch (c) {
					case '"' -> out.append("\\\"");
					case '\\' -> out.append("\\\\");
					default -> {
						if (c < 0x20) {
							out.append(String.format("\\u%04x", (int) c));
						}
						else {
							out.append(c);
						}
					}
				}
			}
			return out.append('"').toString();
		}

		private static final class Parser {

			private final String s;

			private int i;

			Parser(String s) {
				this.s = s;
			}

			Object document() {
				Object v = value();
				skipSpace();
				expect(this.i == this.s.length(), "trailing text");
				return v;
			}

			private Object value() {
				skipSpace();
				expect(this.i < this.s.length(), "unexpected end");
				char c = this.s.charAt(this.i);
				return switch (c) {
					case '{' -> object();
					case '[' -> array();
					case '"' -> string();
					case 't' -> literal("true", Boolean.TRUE);
					case 'f' -> literal("false", Boolean.FALSE);
					case 'n' -> literal("null", null);
					default -> number();
				};
			}

			private Map<String, Object> object() {
				Map<String, Object> map = new LinkedHashMap<>();
				this.i++;
				skipSpace();
				if (peek('}')) {
					return map;
				}
				do {
					skipSpace();
					String key = string();
					skipSpace();
					expect(peek(':'), "':' expected");
					map.put(key, value());
					skipSpace();
				}
				while (peek(','));
				expect(peek('}'), "'}' expected");
				return map;
			}

			private List<Object> array() {
				List<Object> list = new ArrayList<>();
				this.i++;
				skipSpace();
				if (peek(']')) {
					return list;
				}
				do {
					list.add(value());
					skipSpace();
				}
				while (peek(','));
				expect(peek(']'), "']' expected");
				return list;
			}

			private String string() {
				expect(peek('"'), "string expected");
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

			private Object literal(String word, Object result) {
				expect(this.s.startsWith(word, this.i), "bad literal");
				this.i += word.length();
				return result;
			}

			private Double number() {
				int start = this.i;
				while (this.i < this.s.length() && "+-0123456789.eE".indexOf(this.s.charAt(this.i)) >= 0) {
					this.i++;
				}
				expect(this.i > start, "value expected");
				return Double.valueOf(this.s.substring(start, this.i));
			}

			private boolean peek(char c) {
				if (this.i < this.s.length() && this.s.charAt(this.i) == c) {
					this.i++;
					return true;
				}
				return false;
			}

			private void skipSpace() {
				while (this.i < this.s.length() && Character.isWhitespace(this.s.charAt(this.i))) {
					this.i++;
				}
			}

			private void expect(boolean condition, String problem) {
				if (!condition) {
					int from = Math.max(0, this.i - 40);
					int to = Math.min(this.s.length(), this.i + 40);
					throw new BenchFailure("bad JSON at " + this.i + " (" + problem + "): ..."
							+ this.s.substring(from, to) + "...");
				}
			}

		}

	}

	/**
	 * Enough YAML for a clouds.yaml: nested block mappings of scalars, flattened to dotted keys
	 * ({@code clouds.devcloud.auth.username}). Lists and flow style are skipped.
	 */
	static final class MiniYaml {

		static Map<String, String> flatten(List<String> lines) {
			Map<String, String> flat = new LinkedHashMap<>();
			List<int[]> indents = new ArrayList<>(); // indentation of each open key
			List<String> path = new ArrayList<>();
			for (String raw : lines) {
				String line = stripComment(raw);
				if (line.isBlank() || line.trim().startsWith("-") || line.trim().equals("---")) {
					continue;
				}
				int indent = line.length() - line.stripLeading().length();
				int colon = line.indexOf(':');
				if (colon < 0) {
					continue;
				}
				while (!indents.isEmpty() && indents.get(indents.size() - 1)[0] >= indent) {
					indents.remove(indents.size() - 1);
					path.remove(path.size() - 1);
				}
				String key = unquote(line.substring(indent, colon).trim());
				String value = unquote(line.substring(colon + 1).trim());
				String dotted = path.isEmpty() ? key : String.join(".", path) + "." + key;
				if (value.isEmpty()) {
					indents.add(new int[] { indent });
					path.add(key);
				}
				else {
					flat.put(dotted, value);
				}
			}
			return flat;
		}

		private static String stripComment(String line) {
			boolean single = false;
			boolean dbl = false;
			for (int i = 0; i < line.length(); i++) {
				char c = line.charAt(i);
				if (c == '\'' && !dbl) {
					single = !single;
				}
				else if (c == '"' && !single) {
					dbl = !dbl;
				}
				else if (c == '#' && !single && !dbl && (i == 0 || Character.isWhitespace(line.charAt(i - 1)))) {
					return line.substring(0, i);
				}
			}
			return line;
		}

		private static String unquote(String s) {
			if (s.length() >= 2 && ((s.startsWith("\"") && s.endsWith("\"")) || (s.startsWith("'") && s.endsWith("'")))) {
				return s.substring(1, s.length() - 1);
			}
			return s;
		}

	}

}
