package io.stackgate.server.it;

import java.io.ByteArrayOutputStream;
import java.io.OutputStream;
import java.io.PrintStream;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import io.micrometer.core.instrument.MeterRegistry;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import tools.jackson.databind.JsonNode;

import io.stackgate.itsupport.LaunchTarget;
import io.stackgate.itsupport.RealCloud;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Authentication against the cloud's real Keystone: two projects through one gateway,
 * login, revocation, API key roles, rate limits, and a log that holds no secret. Needs a
 * second project: the clouds.yaml entry {@link RealCloud#alternate()} names (devcloud's
 * {@code devcloud-alt}, user and project {@code alt_demo}).
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class AuthIT {

	/**
	 * The validation cache of the Keystone gateway: a revoked token is refused at the
	 * latest this long after.
	 */
	private static final Duration TOKEN_CACHE_TTL = Duration.ofSeconds(10);

	private static final String PREFIX = "it-auth-" + UUID.randomUUID().toString().substring(0, 6) + "-";

	private static final String READER_KEY = "sg-reader-" + UUID.randomUUID();

	private static final String OPERATOR_KEY = "sg-operator-" + UUID.randomUUID();

	private static final String BURST_KEY = "sg-burst-" + UUID.randomUUID();

	private static final String WRONG_PASSWORD = "wrong-" + UUID.randomUUID();

	/**
	 * A loaded devcloud can take tens of seconds to list flavors; these tests are about
	 * authentication.
	 */
	private static final String PATIENT = "stackgate.upstream.read-timeout=120s";

	/**
	 * One Nova call for all the requests of a test: what is measured is authentication.
	 */
	private static final String LISTS_CACHED = "stackgate.cache.launch-options-ttl=10m";

	/** Every secret this run sends: none may appear in the log. */
	private static final List<String> secrets = new ArrayList<>();

	private static final ByteArrayOutputStream log = new ByteArrayOutputStream();

	private static PrintStream originalOut;

	private static PrintStream originalErr;

	private static RealCloud demo;

	private static RealCloud alt;

	private static Gateway keystoneGateway;

	private static Gateway serviceGateway;

	@BeforeAll
	static void start() throws Exception {
		originalOut = System.out;
		originalErr = System.err;
		System.setOut(new PrintStream(new Tee(originalOut, log), true, StandardCharsets.UTF_8));
		System.setErr(new PrintStream(new Tee(originalErr, log), true, StandardCharsets.UTF_8));
		demo = RealCloud.fromEnvironment();
		alt = RealCloud.alternate();
		secrets.addAll(List.of(demo.token(), alt.token(), READER_KEY, OPERATOR_KEY, BURST_KEY, WRONG_PASSWORD));
		keystoneGateway = Gateway.start("stackgate.auth.mode=keystone",
				"stackgate.auth.token-cache-ttl=" + TOKEN_CACHE_TTL.toSeconds() + "s",
				"stackgate.auth.rate-limit.requests=0", PATIENT, LISTS_CACHED);
		List<String> service = new ArrayList<>(List.of("stackgate.auth.mode=service",
				"stackgate.auth.rate-limit.requests=5", "stackgate.auth.rate-limit.per=3s", PATIENT, LISTS_CACHED));
		service.addAll(key(0, "ci-reader", READER_KEY, "reader"));
		service.addAll(key(1, "ops", OPERATOR_KEY, "operator"));
		service.addAll(key(2, "burst", BURST_KEY, "reader"));
		serviceGateway = Gateway.start(service.toArray(String[]::new));
	}

	@AfterAll
	static void stop() throws Exception {
		try {
			if (keystoneGateway != null) {
				keystoneGateway.close();
			}
			if (serviceGateway != null) {
				serviceGateway.close();
			}
			for (RealCloud cloud : new RealCloud[] { demo, alt }) {
				if (cloud != null) {
					cloud.servers().deleteAll(PREFIX);
				}
			}
		}
		finally {
			System.setOut(originalOut);
			System.setErr(originalErr);
		}
	}

	@Test
	@Order(1)
	void eachProjectSeesAndTouchesOnlyItsOwnServers() throws Exception {
		Gateway asDemo = keystoneGateway.as("X-Auth-Token", demo.token());
		Gateway asAlt = keystoneGateway.as("X-Auth-Token", alt.token());
		String demoServer = launch(asDemo, PREFIX + "demo", LaunchTarget.discover(demo));
		String altServer = launch(asAlt, PREFIX + "alt", LaunchTarget.discover(alt));

		assertThat(ids(asDemo.get("/api/v1/servers"))).contains(demoServer).doesNotContain(altServer);
		assertThat(ids(asAlt.get("/api/v1/servers"))).contains(altServer).doesNotContain(demoServer);
		assertThat(demo.servers().ids(PREFIX)).containsExactly(demoServer);
		assertThat(alt.servers().ids(PREFIX)).containsExactly(altServer);

		assertThat(asDemo.get("/api/v1/servers/" + altServer).statusCode()).isEqualTo(404);
		assertThat(asAlt.get("/api/v1/servers/" + demoServer).statusCode()).isEqualTo(404);
		assertThat(asDemo.delete("/api/v1/servers/" + altServer).statusCode()).isEqualTo(404);
		assertThat(asAlt.delete("/api/v1/servers/" + demoServer).statusCode()).isEqualTo(404);
		assertThat(alt.servers().ids(PREFIX)).containsExactly(altServer);
		assertThat(demo.servers().ids(PREFIX)).containsExactly(demoServer);

		assertThat(asDemo.delete("/api/v1/servers/" + demoServer + "?wait=true&timeout=120").statusCode())
			.isEqualTo(204);
		assertThat(asAlt.delete("/api/v1/servers/" + altServer + "?wait=true&timeout=120").statusCode()).isEqualTo(204);
	}

	@Test
	@Order(2)
	void aRequestWithoutATokenIsRefusedWithTheKeystoneChallenge() throws Exception {
		HttpResponse<String> response = keystoneGateway.anonymous().get("/api/v1/flavors");

		assertThat(response.statusCode()).isEqualTo(401);
		assertThat(response.headers().firstValue("WWW-Authenticate"))
			.hasValue("Keystone uri=\"" + demo.authUrl() + "\"");
		assertThat(response.headers().firstValue("Content-Type")).hasValue("application/problem+json");
		assertThat(Gateway.json(response).path("type").asString())
			.isEqualTo("https://stackgate.dev/problems/unauthenticated");
		assertThat(keystoneGateway.as("X-Auth-Token", "gAAAAAB-not-a-token").get("/api/v1/flavors").statusCode())
			.isEqualTo(401);
		assertThat(keystoneGateway.anonymous().get("/actuator/health/liveness").statusCode()).isEqualTo(200);
	}

	@Test
	@Order(3)
	void aLoginThroughTheGatewayGivesATokenThatWorks() throws Exception {
		String token = login(demo);

		assertThat(keystoneGateway.as("X-Auth-Token", token).get("/api/v1/flavors").statusCode()).isEqualTo(200);

		HttpResponse<String> wrong = keystoneGateway.anonymous()
			.post("/api/v1/auth/tokens", """
					{"username": "%s", "password": "%s", "project": "%s"}""".formatted(demo.username(), WRONG_PASSWORD,
					demo.projectName()), Map.of());
		assertThat(wrong.statusCode()).isEqualTo(401);
		assertThat(wrong.body()).doesNotContain(WRONG_PASSWORD);
	}

	@Test
	@Order(4)
	void aRevokedTokenIsRefusedWithinTheCacheTtl() throws Exception {
		String token = login(demo);
		Gateway client = keystoneGateway.as("X-Auth-Token", token);
		assertThat(client.get("/api/v1/flavors").statusCode()).isEqualTo(200);

		demo.keystone().revoke(token);
		Instant revoked = Instant.now();
		int status;
		do {
			Thread.sleep(250);
			status = client.get("/api/v1/flavors").statusCode();
		}
		while (status == 200 && Duration.between(revoked, Instant.now()).compareTo(TOKEN_CACHE_TTL.plusSeconds(5)) < 0);

		assertThat(status).isEqualTo(401);
		assertThat(Duration.between(revoked, Instant.now())).isLessThanOrEqualTo(TOKEN_CACHE_TTL.plusSeconds(1));
	}

	/**
	 * A watch opened with a token revoked after its validation was cached ends when that
	 * validation expires, not a whole TTL after it opened.
	 */
	@Test
	@Order(4)
	void aWatchOpenedWithARevokedTokenEndsWhenTheValidationItWasAdmittedWithExpires() throws Exception {
		// The project's view is loaded first: then the watch needs no call to OpenStack,
		// and the list that caches the new token's validation is quick.
		assertThat(keystoneGateway.as("X-Auth-Token", demo.token()).get("/api/v1/servers").statusCode()).isEqualTo(200);
		String token = login(demo);
		Gateway client = keystoneGateway.as("X-Auth-Token", token);
		assertThat(client.get("/api/v1/servers").statusCode()).isEqualTo(200);
		Instant validated = Instant.now();
		// Keystone may take seconds to revoke on a loaded cloud: the watch opens 3 s
		// after the
		// validation at the earliest, whenever the revocation is done within the TTL.
		demo.keystone().revoke(token);
		Instant opening = validated.plus(TOKEN_CACHE_TTL.multipliedBy(3).dividedBy(10));
		Thread.sleep(Math.max(0, Duration.between(Instant.now(), opening).toMillis()));

		HttpResponse<String> watch = client.get("/api/v1/servers?watch=true");
		Instant ended = Instant.now();

		assertThat(watch.statusCode()).as("admitted with the cached validation").isEqualTo(200);
		assertThat(watch.body()).contains("event:list");
		assertThat(ended).as("the stream's end").isBefore(validated.plus(TOKEN_CACHE_TTL).plusSeconds(1));
		assertThat(client.get("/api/v1/servers?watch=true").statusCode()).as("reconnecting").isEqualTo(401);
	}

	@Test
	@Order(5)
	void oneTokenIsValidatedByKeystoneOncePerCacheTtlHoweverManyRequests() throws Exception {
		// Issued by Keystone itself: the gateway knows nothing of it before its first
		// request.
		String token = demo.keystone().login().token();
		secrets.add(token);
		MeterRegistry meters = keystoneGateway.bean(MeterRegistry.class);
		double before = validations(meters);
		Instant start = Instant.now();

		requests(keystoneGateway.as("X-Auth-Token", token), 1000);

		Duration took = Duration.between(start, Instant.now());
		double validations = validations(meters) - before;
		assertThat(validations).as("validations for 1,000 requests in %s", took)
			.isBetween(1.0, 1.0 + took.toMillis() / TOKEN_CACHE_TTL.toMillis());
	}

	@Test
	@Order(5)
	void aTokenTheGatewayIssuedNeedsNoValidation() throws Exception {
		Gateway client = keystoneGateway.as("X-Auth-Token", login(demo));
		MeterRegistry meters = keystoneGateway.bean(MeterRegistry.class);
		double before = validations(meters);

		requests(client, 100);

		assertThat(validations(meters) - before).as("validations of a token the gateway issued").isZero();
	}

	private static void requests(Gateway client, int count) throws Exception {
		for (int i = 0; i < count; i++) {
			assertThat(client.get("/api/v1/flavors").statusCode()).isEqualTo(200);
		}
	}

	@Test
	@Order(6)
	void aReaderKeyReadsButCannotCreate() throws Exception {
		Gateway reader = serviceGateway.as("X-API-Key", READER_KEY);
		assertThat(reader.get("/api/v1/flavors").statusCode()).isEqualTo(200);

		HttpResponse<String> create = reader.post("/api/v1/servers",
				launchBody(PREFIX + "by-reader", LaunchTarget.discover(demo)), Map.of());

		assertThat(create.statusCode()).isEqualTo(403);
		assertThat(Gateway.json(create).path("type").asString()).isEqualTo("https://stackgate.dev/problems/forbidden");
		assertThat(demo.servers().ids(PREFIX + "by-reader")).isEmpty();
		HttpResponse<String> invalid = serviceGateway.as("X-API-Key", OPERATOR_KEY)
			.post("/api/v1/servers", "{\"name\": \"" + PREFIX + "x\"}", Map.of());
		assertThat(invalid.statusCode()).as("an operator gets past authentication").isEqualTo(400);
	}

	@ParameterizedTest(name = "[{index}] {0}")
	@ValueSource(strings = { "unknown", "upper case", "truncated", "one character more", "none" })
	@Order(8)
	void anUnknownADifferentCaseOrATruncatedKeyIsRefused(String variant) throws Exception {
		String key = switch (variant) {
			case "unknown" -> "sg-reader-" + UUID.randomUUID();
			case "upper case" -> READER_KEY.toUpperCase();
			case "truncated" -> READER_KEY.substring(0, READER_KEY.length() - 1);
			case "one character more" -> READER_KEY + "0";
			default -> null;
		};
		if (key != null) {
			secrets.add(key);
		}
		Gateway client = (key != null) ? serviceGateway.as("X-API-Key", key) : serviceGateway.anonymous();

		HttpResponse<String> response = client.get("/api/v1/flavors");

		assertThat(response.statusCode()).isEqualTo(401);
		assertThat(response.headers().firstValue("WWW-Authenticate")).hasValue("ApiKey header=\"X-API-Key\"");
	}

	/**
	 * Before the refused keys: refusals count against the client address (5 per 3 s
	 * here).
	 */
	@Test
	@Order(7)
	void theRateLimitAnswers429ThenRecovers() throws Exception {
		Gateway burst = serviceGateway.as("X-API-Key", BURST_KEY);
		HttpResponse<String> response;
		int served = 0;
		while ((response = burst.get("/api/v1/flavors")).statusCode() == 200) {
			served++;
		}

		assertThat(served).isBetween(5, 7);
		assertThat(response.statusCode()).isEqualTo(429);
		assertThat(Gateway.json(response).path("type").asString())
			.isEqualTo("https://stackgate.dev/problems/rate-limited");
		long retryAfter = Long.parseLong(response.headers().firstValue("Retry-After").orElseThrow());
		assertThat(retryAfter).isBetween(1L, 3L);
		assertThat(serviceGateway.as("X-API-Key", READER_KEY).get("/api/v1/flavors").statusCode()).isEqualTo(200);

		Thread.sleep(retryAfter * 1000);

		assertThat(burst.get("/api/v1/flavors").statusCode()).isEqualTo(200);
	}

	@Test
	@Order(Integer.MAX_VALUE)
	void theLogHoldsNoTokenPasswordOrApiKey() {
		String output = log.toString(StandardCharsets.UTF_8);
		assertThat(output).as("the captured log").contains("Issued a token to user " + demo.username());
		for (String secret : secrets) {
			assertThat(output.contains(secret)).as("a secret of %d characters appears in the log", secret.length())
				.isFalse();
		}
	}

	/**
	 * Launches a server in the caller's project from what that project can launch from.
	 */
	private static String launch(Gateway client, String name, LaunchTarget target) throws Exception {
		HttpResponse<String> created = client.post("/api/v1/servers?wait=true&timeout=120", launchBody(name, target),
				Map.of());
		assertThat(created.statusCode()).as(created.body()).isEqualTo(200);
		JsonNode server = Gateway.json(created).get(0);
		assertThat(server.path("status").asString()).isEqualTo("ACTIVE");
		return server.path("id").asString();
	}

	private static String launchBody(String name, LaunchTarget target) {
		return """
				{"name": "%s", "flavor": "%s", "image": "%s", "networks": ["%s"]}""".formatted(name,
				target.flavor().id(), target.image().id(), target.network().id());
	}

	private static List<String> ids(HttpResponse<String> response) {
		assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
		List<String> ids = new ArrayList<>();
		Gateway.json(response).forEach((server) -> ids.add(server.path("id").asString()));
		return ids;
	}

	private static String login(RealCloud cloud) throws Exception {
		HttpResponse<String> response = keystoneGateway.anonymous()
			.post("/api/v1/auth/tokens", """
					{"username": "%s", "password": "%s", "project": "%s"}""".formatted(cloud.username(),
					cloud.password(), cloud.projectName()), Map.of());
		assertThat(response.statusCode()).isEqualTo(201);
		String token = Gateway.json(response).path("token").asString();
		secrets.add(token);
		return token;
	}

	private static double validations(MeterRegistry meters) {
		return meters.find("stackgate.auth.token.validations").counters().stream().mapToDouble((c) -> c.count()).sum();
	}

	/**
	 * @return the settings of an API key, configured by its hash as an operator would
	 */
	private static List<String> key(int index, String name, String key, String role) throws Exception {
		String sha256 = HexFormat.of()
			.formatHex(MessageDigest.getInstance("SHA-256").digest(key.getBytes(StandardCharsets.UTF_8)));
		String entry = "stackgate.auth.api-keys[" + index + "].";
		return List.of(entry + "name=" + name, entry + "sha256=" + sha256, entry + "role=" + role);
	}

	/** Writes to two streams. */
	private static final class Tee extends OutputStream {

		private final OutputStream first;

		private final OutputStream second;

		Tee(OutputStream first, OutputStream second) {
			this.first = first;
			this.second = second;
		}

		@Override
		public void write(int b) throws java.io.IOException {
			this.first.write(b);
			synchronized (this.second) {
				this.second.write(b);
			}
		}

		@Override
		public void write(byte[] bytes, int offset, int length) throws java.io.IOException {
			this.first.write(bytes, offset, length);
			synchronized (this.second) {
				this.second.write(bytes, offset, length);
			}
		}

		@Override
		public void flush() throws java.io.IOException {
			this.first.flush();
		}

	}

}
