package io.stackgate.server.it;

import io.stackgate.itsupport.RealCloud;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.security.MessageDigest;
import java.time.Duration;
import java.time.Instant;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Supplier;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Load past two lifetimes of Keystone's tokens: in mode {@code service} no caller ever
 * sees the gateway's own token expire (no 401, no 5xx); in mode {@code keystone} a
 * caller's token is refused only once it has expired, the caller logs in again through
 * the gateway, and nothing else fails. It gives the devcloud short tokens first
 * ({@code devcloud/up --token-ttl 120}, Keystone restarted) and Keystone's own lifetime
 * back at the end; the soak lasts two token lifetimes + 20 s, or {@code -Dsoak.seconds},
 * once each gateway has answered each path (a live view and launch options loaded). Runs
 * in the {@code faults} execution, after the other integration tests (see
 * docs/operations.md for its figures).
 */
class TokenLifetimeIT {

	private static final String TOKEN_TTL_SECONDS = "120";

	private static final String API_KEY = "token-lifetime-it-key-0123456789";

	private static final List<String> PATHS = List.of("/api/v1/servers", "/api/v1/launch-options");

	/**
	 * Each client's pause between requests. Back to back, the clients of answers served
	 * from memory took both cores and starved the cloud: Nova and Neutron could then not
	 * validate a keystone client's new token in the read timeout, and that client never
	 * got a first answer (as FaultIT found for Keystone's probe).
	 */
	private static final long THINK_TIME_MILLIS = 10;

	/** How long a gateway may take to answer each path once before the soak. */
	private static final Duration WARM_UP = Duration.ofMinutes(3);

	private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

	private final Map<String, AtomicLong> statuses = new ConcurrentHashMap<>();

	/**
	 * The slowest answer of each client, in milliseconds: the figures to compare runs by.
	 */
	private final Map<String, AtomicLong> slowest = new ConcurrentHashMap<>();

	private final List<String> failures = new CopyOnWriteArrayList<>();

	@BeforeAll
	static void shortTokens() throws Exception {
		Devcloud.run("up", "--token-ttl", TOKEN_TTL_SECONDS);
	}

	@AfterAll
	static void keystonesOwnLifetime() throws Exception {
		Devcloud.run("up");
	}

	@Test
	void callersNeverSeeTheGatewaysTokenExpireAndTheirOwnIsRefusedOnlyOnceExpired() throws Exception {
		RealCloud cloud = RealCloud.fromEnvironment();
		try (Gateway service = Gateway.start("stackgate.auth.mode=service", "stackgate.auth.rate-limit.requests=0",
				"stackgate.auth.api-keys[0].name=lifetime", "stackgate.auth.api-keys[0].sha256=" + sha256(API_KEY),
				"stackgate.auth.api-keys[0].role=reader");
				Gateway keystone = Gateway.start("stackgate.auth.mode=keystone",
						"stackgate.auth.rate-limit.requests=0")) {
			warmUp(service, "X-API-Key", API_KEY);
			warmUp(keystone, "X-Auth-Token", login(keystone, cloud).token());
			Login first = login(keystone, cloud);
			Duration lifetime = Duration.between(Instant.now(), first.expiresAt());
			assertThat(lifetime).as("Keystone's token lifetime after devcloud/up --token-ttl " + TOKEN_TTL_SECONDS)
				.isLessThanOrEqualTo(Duration.ofSeconds(Long.parseLong(TOKEN_TTL_SECONDS)));
			Duration soak = Duration
				.ofSeconds(Long.getLong("soak.seconds", lifetime.multipliedBy(2).plusSeconds(20).toSeconds()));
			Instant end = Instant.now().plus(soak);
			ExecutorService clients = Executors.newFixedThreadPool(2 * PATHS.size());
			for (String path : PATHS) {
				clients.execute(() -> guarded(() -> serviceClient(service, path, end)));
				clients.execute(() -> guarded(() -> keystoneClient(keystone, cloud, path, end)));
			}
			clients.shutdown();
			assertThat(clients.awaitTermination(soak.plusMinutes(3).toSeconds(), TimeUnit.SECONDS)).isTrue();
			System.out.printf("token lifetime %d s, soak %d s: %s; slowest (ms) %s; failures %d%n",
					lifetime.toSeconds(), soak.toSeconds(), new TreeMap<>(this.statuses), new TreeMap<>(this.slowest),
					this.failures.size());
			assertThat(this.failures).isEmpty();
		}
	}

	/**
	 * The soak checks what the gateway answers from what it holds: each gateway first
	 * loads its live view and launch options (on a loaded machine, the cloud may need
	 * more than one read timeout for a project's first full list, and before it there is
	 * nothing to answer from). What it answered meanwhile is printed, not counted.
	 */
	private void warmUp(Gateway gateway, String header, String credential) {
		Instant giveUp = Instant.now().plus(WARM_UP);
		for (String path : PATHS) {
			HttpResponse<String> response = get(gateway, path, header, credential);
			while (response.statusCode() != 200) {
				System.out.printf("warm-up %s: %d %s%n", path, response.statusCode(), response.body());
				assertThat(Instant.now()).as("the first 200 of " + path + " within " + WARM_UP).isBefore(giveUp);
				response = get(gateway, path, header, credential);
			}
		}
	}

	private void guarded(Runnable client) {
		try {
			client.run();
		}
		catch (RuntimeException | AssertionError ex) {
			this.failures.add("a client stopped: " + ex);
		}
	}

	private void serviceClient(Gateway gateway, String path, Instant end) {
		while (Instant.now().isBefore(end)) {
			pause();
			HttpResponse<String> response = timed("service " + path, () -> get(gateway, path, "X-API-Key", API_KEY));
			count("service " + response.statusCode());
			if (response.statusCode() != 200) {
				this.failures.add("service " + path + ": " + response.statusCode() + " " + response.body());
			}
		}
	}

	/**
	 * Uses one token until the gateway refuses it; a refusal before the token's expiry is
	 * a failure.
	 */
	private void keystoneClient(Gateway gateway, RealCloud cloud, String path, Instant end) {
		Login login = login(gateway, cloud);
		while (Instant.now().isBefore(end)) {
			pause();
			String token = login.token();
			HttpResponse<String> response = timed("keystone " + path, () -> get(gateway, path, "X-Auth-Token", token));
			Instant answered = Instant.now();
			count("keystone " + response.statusCode());
			if (response.statusCode() == 401 && !answered.isBefore(login.expiresAt())) {
				login = login(gateway, cloud);
			}
			else if (response.statusCode() != 200) {
				this.failures.add("keystone " + path + ": " + response.statusCode() + " at " + answered
						+ " with a token expiring at " + login.expiresAt() + ": " + response.body());
				login = login(gateway, cloud);
			}
		}
	}

	private Login login(Gateway gateway, RealCloud cloud) {
		try {
			HttpResponse<String> response = gateway.post("/api/v1/auth/tokens", """
					{"username": "%s", "password": "%s", "project": "%s"}""".formatted(cloud.username(),
					cloud.password(), cloud.projectName()), Map.of());
			count("login " + response.statusCode());
			assertThat(response.statusCode()).as(response.body()).isEqualTo(201);
			JsonNode token = Gateway.json(response);
			return new Login(token.path("token").asString(), Instant.parse(token.path("expires_at").asString()));
		}
		catch (Exception ex) {
			throw new IllegalStateException(ex);
		}
	}

	private HttpResponse<String> get(Gateway gateway, String path, String header, String value) {
		try {
			return this.http.send(HttpRequest.newBuilder(URI.create(gateway.baseUrl() + path))
				.header(header, value)
				.timeout(Duration.ofSeconds(60))
				.build(), HttpResponse.BodyHandlers.ofString());
		}
		catch (Exception ex) {
			throw new IllegalStateException(ex);
		}
	}

	private HttpResponse<String> timed(String client, Supplier<HttpResponse<String>> request) {
		long started = System.nanoTime();
		HttpResponse<String> response = request.get();
		long millis = (System.nanoTime() - started) / 1_000_000;
		this.slowest.computeIfAbsent(client, (key) -> new AtomicLong()).accumulateAndGet(millis, Math::max);
		return response;
	}

	private static void pause() {
		try {
			Thread.sleep(THINK_TIME_MILLIS);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new IllegalStateException(ex);
		}
	}

	private void count(String outcome) {
		this.statuses.computeIfAbsent(outcome, (key) -> new AtomicLong()).incrementAndGet();
	}

	private static String sha256(String key) throws Exception {
		return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(key.getBytes()));
	}

	private record Login(String token, Instant expiresAt) {
	}

}
