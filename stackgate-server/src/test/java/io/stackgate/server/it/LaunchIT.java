package io.stackgate.server.it;

import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.function.Function;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import java.util.stream.Stream;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import tools.jackson.databind.JsonNode;

import io.stackgate.api.CreateServerRequest;
import io.stackgate.itsupport.LaunchTarget;
import io.stackgate.itsupport.RealCloud;
import io.stackgate.server.cloud.LaunchLocks;
import io.stackgate.server.servers.launch.LaunchFingerprint;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Launching and deleting servers through the gateway, on the real cloud, checked in Nova
 * directly.
 */
class LaunchIT {

	/**
	 * Names of this run's servers start with it, so that runs never see each other's
	 * servers.
	 */
	private static final String PREFIX = "it-" + UUID.randomUUID().toString().substring(0, 6) + "-";

	private static RealCloud cloud;

	/** What this run launches from. */
	private static LaunchTarget target;

	private static Gateway gateway;

	/**
	 * Objects made for the bad-request table: an image too big for the flavor, two
	 * networks with one name.
	 */
	private static final List<String[]> fixtures = new ArrayList<>();

	@BeforeAll
	static void start() throws Exception {
		cloud = RealCloud.fromEnvironment();
		target = LaunchTarget.discover(cloud);
		fixtures.add(new String[] { "image",
				"/v2/images/" + cloud.createImage(PREFIX + "needs-more", target.flavor().ram() + 1) });
		for (int i = 0; i < 2; i++) {
			fixtures.add(new String[] { "network", "/v2.0/networks/" + cloud.createNetwork(PREFIX + "twin") });
		}
		gateway = startGateway();
	}

	@AfterAll
	static void cleanUp() throws Exception {
		if (gateway != null) {
			gateway.close();
		}
		if (cloud != null) {
			cloud.servers().deleteAll(PREFIX);
			for (String[] fixture : fixtures) {
				cloud.delete(fixture[0], fixture[1]);
			}
		}
	}

	@Test
	void launchesByNameWaitsUntilActiveListsItWithItsAddressAndDeletesIt() throws Exception {
		String name = PREFIX + "by-name";
		HttpResponse<String> created = gateway.post("/api/v1/servers?wait=true&timeout=120", byNames(name), Map.of());

		assertThat(created.statusCode()).as(created.body()).isEqualTo(200);
		JsonNode server = Gateway.json(created).get(0);
		String id = server.path("id").asString();
		assertThat(created.headers().firstValue("Location")).hasValueSatisfying((l) -> assertThat(l).endsWith(id));
		assertThat(server.path("status").asString()).isEqualTo("ACTIVE");
		assertThat(server.path("flavor").path("name").asString()).isEqualTo(target.flavor().name());
		JsonNode listed = find(Gateway.json(gateway.get("/api/v1/servers")), id);
		assertThat(listed.path("addresses").get(0).path("network").asString()).isEqualTo(target.network().name());
		assertThat(target.network().contains(listed.path("addresses").get(0).path("ip").asString())).isTrue();
		assertThat(cloud.servers().ids(name)).containsExactly(id);

		assertThat(gateway.delete("/api/v1/servers/" + id + "?wait=true&timeout=120").statusCode()).isEqualTo(204);
		assertThat(gateway.get("/api/v1/servers/" + id).statusCode()).isEqualTo(404);
		assertThat(cloud.servers().ids(name)).isEmpty();
		assertThat(gateway.delete("/api/v1/servers/" + id).statusCode()).isEqualTo(404);
	}

	@Test
	void launchesByIdsAndAnswers202WithTheServerBuilding() throws Exception {
		JsonNode options = Gateway.json(gateway.get("/api/v1/launch-options"));
		String flavor = idOf(options.path("flavors"), target.flavor().name());
		String image = idOf(options.path("images"), target.image().name());
		String network = idOf(options.path("networks"), target.network().name());

		HttpResponse<String> created = gateway.post("/api/v1/servers", """
				{"name": "%s", "flavor": "%s", "image": "%s", "networks": ["%s"], "metadata": {"owner": "it"}}"""
			.formatted(PREFIX + "by-id", flavor, image, network), Map.of());

		assertThat(created.statusCode()).as(created.body()).isEqualTo(202);
		JsonNode server = Gateway.json(created).get(0);
		assertThat(server.path("status").asString()).isIn("BUILD", "ACTIVE");
		assertThat(server.path("flavor").path("id").asString()).isEqualTo(flavor);
		assertThat(server.path("image").path("id").asString()).isEqualTo(image);
		assertThat(server.path("metadata").path("owner").asString()).isEqualTo("it");
		assertThat(cloud.servers().ids(PREFIX + "by-id")).containsExactly(server.path("id").asString());
	}

	@Test
	void countThreeLaunchesExactlyThreeServersWithDistinctNames() throws Exception {
		String name = PREFIX + "trio";
		HttpResponse<String> created = gateway.post("/api/v1/servers",
				byNames(name).replaceFirst("}$", ", \"count\": 3}"), Map.of());

		assertThat(created.statusCode()).as(created.body()).isEqualTo(202);
		List<String> names = new ArrayList<>();
		Set<String> ids = new HashSet<>();
		Gateway.json(created).forEach((s) -> {
			names.add(s.path("name").asString());
			ids.add(s.path("id").asString());
		});
		assertThat(names).containsExactly(name + "-1", name + "-2", name + "-3");
		assertThat(new HashSet<>(cloud.servers().ids(name))).isEqualTo(ids);
	}

	@Test
	void oneIdempotencyKeyLaunchesOneServerAcrossConcurrentRetriesRestartsAndInstances() throws Exception {
		String name = PREFIX + "once";
		String body = byNames(name);
		Map<String, String> key = Map.of("Idempotency-Key", UUID.randomUUID().toString());
		Set<String> answered = new HashSet<>();
		ExecutorService clients = Executors.newFixedThreadPool(5);
		try (Gateway second = startGateway()) {
			List<Future<HttpResponse<String>>> responses = new ArrayList<>();
			for (int i = 0; i < 5; i++) {
				Gateway target = (i % 2 == 0) ? gateway : second;
				responses.add(clients.submit(() -> target.post("/api/v1/servers", body, key)));
			}
			for (Future<HttpResponse<String>> response : responses) {
				assertThat(response.get().statusCode()).as(response.get().body()).isEqualTo(202);
				answered.add(Gateway.json(response.get()).get(0).path("id").asString());
			}
		}
		finally {
			clients.shutdownNow();
		}
		assertThat(answered).hasSize(1);
		assertThat(cloud.servers().ids(name)).containsExactlyElementsOf(answered);

		try (Gateway restarted = startGateway()) {
			HttpResponse<String> retry = restarted.post("/api/v1/servers", body, key);
			assertThat(retry.statusCode()).isEqualTo(202);
			assertThat(retry.headers().firstValue("Idempotent-Replayed")).hasValue("true");
			assertThat(Gateway.json(retry).get(0).path("id").asString()).isEqualTo(answered.iterator().next());
			HttpResponse<String> other = restarted.post("/api/v1/servers",
					body.replace("\"" + name + "\"", "\"" + name + "-other\""), key);
			assertThat(other.statusCode()).isEqualTo(422);
		}
		assertThat(cloud.servers().ids(name)).containsExactlyElementsOf(answered);
	}

	/**
	 * What a gateway killed while it held a launch's lock leaves behind: the lock (a Nova
	 * keypair), and, when the kill came after Nova's answer, the server. A repeat of the
	 * launch with its key, on another gateway, waits for the lock only until it is stale
	 * (20 s + the read timeout + 30 s) and makes exactly one server; a repeat that finds
	 * the server replays it at once and removes the lock.
	 */
	@Test
	void aLockLeftByAGatewayKilledMidLaunchHoldsUpItsRepeatOnlyUntilStaleAndIsRemoved() throws Exception {
		Duration readTimeout = Duration.ofSeconds(10);
		try (Gateway other = Gateway
			.start("stackgate.auth.rate-limit.creates=0",
					"stackgate.upstream.read-timeout=" + readTimeout.toSeconds() + "s")
			.as("X-Auth-Token", cloud.token())) {
			String beforeNova = PREFIX + "killed-before-nova";
			Map<String, String> key = Map.of("Idempotency-Key", UUID.randomUUID().toString());
			leaveLock(key);
			Instant repeated = Instant.now();
			HttpResponse<String> repeat = other.post("/api/v1/servers", byNames(beforeNova), key);
			Duration took = Duration.between(repeated, Instant.now());
			assertThat(repeat.statusCode()).as(repeat.body()).isEqualTo(202);
			assertThat(took).as("the repeat's answer: once the lock is stale, and within the repeat's wait")
				.isLessThan(other.bean(LaunchLocks.class).staleAfter().plusSeconds(15));
			assertThat(cloud.servers().ids(beforeNova))
				.containsExactly(Gateway.json(repeat).get(0).path("id").asString());
			assertThat(keypairs()).doesNotContain(lockName(key));

			String afterNova = PREFIX + "killed-after-nova";
			key = Map.of("Idempotency-Key", UUID.randomUUID().toString());
			leaveLock(key);
			String id = cloud
				.send("compute", "POST", "/servers",
						"""
								{"server": {"name": "%s", "flavorRef": "%s", "imageRef": "%s", "networks": [{"uuid": "%s"}],
								"metadata": {"stackgate:idempotency-key": "%s", "stackgate:request-digest": "%s"}}}"""
							.formatted(afterNova, target.flavor().id(), target.image().id(), target.network().id(),
									sha256(key.get("Idempotency-Key")),
									LaunchFingerprint.ofRequest(new CreateServerRequest(afterNova,
											target.flavor().name(), target.image().name(),
											List.of(target.network().name()), null, null, null, null, null, null))))
				.path("server")
				.path("id")
				.asString();
			repeat = other.post("/api/v1/servers", byNames(afterNova), key);
			assertThat(repeat.statusCode()).as(repeat.body()).isEqualTo(202);
			assertThat(repeat.headers().firstValue("Idempotent-Replayed")).hasValue("true");
			assertThat(cloud.servers().ids(afterNova)).containsExactly(id);
			assertThat(keypairs()).doesNotContain(lockName(key));
		}
	}

	/** The lock a gateway killed after taking it leaves in Nova. */
	private static void leaveLock(Map<String, String> key) throws Exception {
		cloud.send("compute", "POST", "/os-keypairs", """
				{"keypair": {"name": "%s", "public_key": "ssh-ed25519 \
				AAAAC3NzaC1lZDI1NTE5AAAAIIckwcscXuHXIrZS8PHEchKmwP02S3oswkvlxvvnvgow stackgate-launch-lock"}}"""
			.formatted(lockName(key)));
	}

	private static String lockName(Map<String, String> key) {
		return "stackgate-launch-" + sha256(key.get("Idempotency-Key")).substring(0, 40);
	}

	private static List<String> keypairs() throws Exception {
		List<String> names = new ArrayList<>();
		cloud.get("compute", "/os-keypairs")
			.path("keypairs")
			.forEach((keypair) -> names.add(keypair.path("keypair").path("name").asString()));
		return names;
	}

	private static String sha256(String value) {
		try {
			return HexFormat.of()
				.formatHex(MessageDigest.getInstance("SHA-256").digest(value.getBytes(StandardCharsets.UTF_8)));
		}
		catch (NoSuchAlgorithmException ex) {
			throw new IllegalStateException(ex);
		}
	}

	/**
	 * @param name the name of the servers a bug would make of the request, which only
	 * this row uses; {@code null} where the request gives no name Nova would take
	 */
	@ParameterizedTest(name = "[{index}] {0}")
	@MethodSource("badRequests")
	void rejectsABadRequestWithAProblemAndCreatesNothing(String why, String name, String body, int status, String field)
			throws Exception {
		HttpResponse<String> response = gateway.post("/api/v1/servers", body, Map.of());

		assertThat(response.statusCode()).as(response.body()).isEqualTo(status);
		assertThat(response.headers().firstValue("Content-Type")).hasValue("application/problem+json");
		JsonNode problem = Gateway.json(response);
		assertThat(problem.path("detail").asString()).isNotBlank();
		if (field != null) {
			assertThat(problem.path("errors").get(0).path("field").asString()).isEqualTo(field);
		}
		if (name != null) {
			// By the row's own name: what others launch in the project meanwhile
			// neither passes nor fails it.
			assertThat(cloud.servers().ids(name)).as("servers named %s*", name).isEmpty();
		}
	}

	/**
	 * Called after {@code start()}, which found the target: JUnit expands the table once
	 * the class has started. Bodies that a bug would accept name the server with a name
	 * of their row's own (see {@link #bad(String, Function, int, String)}), which the
	 * test looks for and clean-up finds.
	 */
	static Stream<Arguments> badRequests() {
		String flavor = "\"flavor\": \"" + target.flavor().name() + "\"";
		String image = "\"image\": \"" + target.image().name() + "\"";
		String network = "\"networks\": [\"" + target.network().name() + "\"]";
		String ok = flavor + ", " + image + ", " + network;
		String big = "x".repeat(50_000);
		Stream<Arguments> table = Stream.of(unnamed("malformed JSON", "{\"name\": ", 400, null),
				unnamed("not an object", "[1, 2]", 400, null), unnamed("empty body", "", 400, null),
				bad("unknown field", (n) -> "{\"name\": \"" + n + "\", " + ok + ", \"colour\": \"red\"}", 400,
						"colour"),
				unnamed("name missing", "{" + ok + "}", 400, "name"),
				unnamed("name blank", "{\"name\": \" \", " + ok + "}", 400, "name"),
				unnamed("name a number", "{\"name\": 42, " + ok + "}", 400, "name"),
				bad("name too long", (n) -> "{\"name\": \"" + n + "n".repeat(256 - n.length()) + "\", " + ok + "}", 400,
						"name"),
				bad("name with leading space", (n) -> "{\"name\": \" " + n + "\", " + ok + "}", 400, "name"),
				bad("flavor missing", (n) -> "{\"name\": \"" + n + "\", " + image + ", " + network + "}", 400,
						"flavor"),
				bad("image missing", (n) -> "{\"name\": \"" + n + "\", " + flavor + ", " + network + "}", 400, "image"),
				bad("networks missing", (n) -> "{\"name\": \"" + n + "\", " + flavor + ", " + image + "}", 400,
						"networks"),
				bad("networks empty",
						(n) -> "{\"name\": \"" + n + "\", " + flavor + ", " + image + ", " + "\"networks\": []}", 400,
						"networks"),
				bad("networks a string",
						(n) -> "{\"name\": \"" + n + "\", " + flavor + ", " + image + ", " + "\"networks\": \""
								+ target.network().name() + "\"}",
						400, null),
				bad("network blank",
						(n) -> "{\"name\": \"" + n + "\", " + flavor + ", " + image + ", " + "\"networks\": [\"\"]}",
						400, "networks[0]"),
				bad("count zero", (n) -> "{\"name\": \"" + n + "\", " + ok + ", \"count\": 0}", 400, "count"),
				bad("count negative", (n) -> "{\"name\": \"" + n + "\", " + ok + ", \"count\": -1}", 400, "count"),
				bad("count too big", (n) -> "{\"name\": \"" + n + "\", " + ok + ", \"count\": 11}", 400, "count"),
				// Nova's default metadata_items quota is 128: asked of Nova's limits
				// before the create (Nova itself answers 403, which is no policy
				// refusal).
				bad("more metadata items than the project's quota",
						(n) -> "{\"name\": \"" + n + "\", " + ok + ", \"metadata\": {"
								+ IntStream.range(0, 129)
									.mapToObj((i) -> "\"k" + i + "\": \"v\"")
									.collect(Collectors.joining(", "))
								+ "}}",
						400, "metadata"),
				bad("count a word", (n) -> "{\"name\": \"" + n + "\", " + ok + ", \"count\": \"three\"}", 400, "count"),
				bad("count a fraction", (n) -> "{\"name\": \"" + n + "\", " + ok + ", \"count\": 1.5}", 400, "count"),
				bad("user data too large",
						(n) -> "{\"name\": \"" + n + "\", " + ok + ", \"user_data\": \"" + big + "\"}", 400,
						"user_data"),
				bad("user data an object", (n) -> "{\"name\": \"" + n + "\", " + ok + ", \"user_data\": {}}", 400,
						"user_data"),
				bad("metadata a list", (n) -> "{\"name\": \"" + n + "\", " + ok + ", \"metadata\": [\"a\"]}", 400,
						"metadata"),
				bad("reserved metadata key",
						(n) -> "{\"name\": \"" + n + "\", " + ok + ", \"metadata\": {\"stackgate:x\": \"1\"}}", 400,
						"metadata.stackgate:x"),
				bad("security group blank",
						(n) -> "{\"name\": \"" + n + "\", " + ok + ", \"security_groups\": [\" \"]}", 400,
						"security_groups[0]"),
				bad("unknown flavor",
						(n) -> "{\"name\": \"" + n + "\", \"flavor\": \"" + PREFIX + "no-such-flavor\", " + image + ", "
								+ network + "}",
						404, "flavor"),
				bad("unknown image",
						(n) -> "{\"name\": \"" + n + "\", " + flavor + ", \"image\": \"" + PREFIX + "no-such-image\", "
								+ network + "}",
						404, "image"),
				bad("unknown network",
						(n) -> "{\"name\": \"" + n + "\", " + flavor + ", " + image + ", " + "\"networks\": [\""
								+ target.network().name() + "\", \"" + PREFIX + "nowhere\"]}",
						404, "networks[1]"),
				bad("unknown network id",
						(n) -> "{\"name\": \"" + n + "\", " + flavor + ", " + image + ", "
								+ "\"networks\": [\"00000000-0000-0000-0000-000000000000\"]}",
						404, "networks[0]"),
				bad("flavor too small for the image",
						(n) -> "{\"name\": \"" + n + "\", " + flavor + ", " + "\"image\": \"" + PREFIX
								+ "needs-more\", " + network + "}",
						422, "flavor"),
				bad("ambiguous network name", (n) -> "{\"name\": \"" + n + "\", " + flavor + ", " + image + ", "
						+ "\"networks\": [\"" + PREFIX + "twin\"]}", 409, "networks[0]"));
		// A cloud without an external network has no such row: nothing to refuse there.
		Stream<Arguments> external = target.externalNetwork()
			.map((name) -> bad("external network",
					(n) -> "{\"name\": \"" + n + "\", " + flavor + ", " + image + ", " + "\"networks\": [\"" + name
							+ "\"]}",
					422, "networks[0]"))
			.stream();
		return Stream.concat(table, external);
	}

	/**
	 * @return a launch of one server by the names of what the run launches from
	 */
	private static String byNames(String name) {
		return """
				{"name": "%s", "flavor": "%s", "image": "%s", "networks": ["%s"]}""".formatted(name,
				target.flavor().name(), target.image().name(), target.network().name());
	}

	/**
	 * A row whose body names the server: with a name of the row's own, this run's prefix
	 * and a random part, so that it is the start of no other row's names.
	 */
	private static Arguments bad(String why, Function<String, String> body, int status, String field) {
		String name = PREFIX + "bad-" + UUID.randomUUID().toString().substring(0, 8);
		return Arguments.of(why, name, body.apply(name), status, field);
	}

	/** A row whose body gives no name Nova would take: no server can be made of it. */
	private static Arguments unnamed(String why, String body, int status, String field) {
		return Arguments.of(why, null, body, status, field);
	}

	/**
	 * A gateway that acts as the cloud's user; the bad-request table alone is more
	 * creates than its limit.
	 */
	private static Gateway startGateway() {
		return Gateway.start("stackgate.auth.rate-limit.creates=0").as("X-Auth-Token", cloud.token());
	}

	private static JsonNode find(JsonNode servers, String id) {
		for (JsonNode server : servers) {
			if (server.path("id").asString().equals(id)) {
				return server;
			}
		}
		throw new AssertionError("Server " + id + " is not listed");
	}

	private static String idOf(JsonNode items, String name) {
		for (JsonNode item : items) {
			if (item.path("name").asString().equals(name)) {
				return item.path("id").asString();
			}
		}
		throw new AssertionError("No " + name + " in " + items);
	}

}
