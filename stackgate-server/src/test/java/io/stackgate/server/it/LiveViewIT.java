package io.stackgate.server.it;

import io.stackgate.itsupport.LaunchTarget;
import io.stackgate.itsupport.RealCloud;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Predicate;
import java.util.stream.Stream;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The live view on the real cloud: changes made directly in Nova and Neutron, not through
 * the gateway (a create, a rename, a stop, a floating IP associated in Neutron, a
 * delete), each seen by the gateway's list and by a watch stream within 2 s of OpenStack
 * showing it.
 */
class LiveViewIT {

	private static final String PREFIX = "it-live-" + UUID.randomUUID().toString().substring(0, 6) + "-";

	/** How soon after OpenStack shows a change the gateway must show it. */
	private static final Duration WITHIN = Duration.ofSeconds(2);

	private static RealCloud cloud;

	/** What the server made directly in Nova is launched from. */
	private static LaunchTarget target;

	private static Gateway gateway;

	private static final List<String> floatingIps = new ArrayList<>();

	@BeforeAll
	static void start() throws Exception {
		cloud = RealCloud.fromEnvironment();
		target = LaunchTarget.discover(cloud);
		// Half the default poll interval: the 2 s must hold on a shared 2-core machine
		// whose Nova takes up to a
		// second to answer a changes-since under load.
		gateway = Gateway.start("stackgate.live.poll-interval=500ms").as("X-Auth-Token", cloud.token());
	}

	@AfterAll
	static void cleanUp() throws Exception {
		if (gateway != null) {
			gateway.close();
		}
		if (cloud != null) {
			for (String id : floatingIps) {
				cloud.delete("network", "/v2.0/floatingips/" + id);
			}
			cloud.servers().deleteAll(PREFIX);
		}
	}

	@Test
	void changesMadeDirectlyInOpenStackShowInTheListAndTheWatchWithinTwoSeconds() throws Exception {
		HttpResponse<String> first = gateway.get("/api/v1/servers");
		assertThat(first.statusCode()).isEqualTo(200);
		assertThat(first.headers().firstValue("Age")).isPresent();
		String etag = first.headers().firstValue("ETag").orElseThrow();
		try (Watcher watcher = new Watcher("/api/v1/servers?watch=true&name=" + PREFIX)) {
			watcher.await("the initial list", (event) -> event.type().equals("list"));

			String name = PREFIX + "a";
			String id = cloud.servers().launch(name, target);
			long created = System.nanoTime();
			awaitListed("the created server", (server) -> server.path("id").asString().equals(id), created);
			watcher.awaitSince(created, "added", id, (server) -> true);
			assertThat(gateway.get("/api/v1/servers", Map.of("If-None-Match", etag)).statusCode()).isEqualTo(200);

			long active = awaitNova(id, (server) -> server.path("status").asString().equals("ACTIVE"));
			awaitListed("ACTIVE", (server) -> isActive(server, id), active);
			watcher.awaitSince(active, "changed", id, (server) -> server.path("status").asString().equals("ACTIVE"));

			// Renamed once built: Nova (Zed) can answer 500 to a rename racing the build.
			String renamed = PREFIX + "b";
			cloud.send("compute", "PUT", "/servers/" + id, "{\"server\": {\"name\": \"" + renamed + "\"}}");
			long rename = System.nanoTime();
			awaitListed("the new name", (server) -> server.path("name").asString().equals(renamed), rename);
			watcher.awaitSince(rename, "changed", id, (server) -> server.path("name").asString().equals(renamed));

			String external = target.externalNetwork()
				.orElseThrow(() -> new IllegalStateException(
						"A floating IP needs an external network, and the project sees none"));
			String port = cloud.get("network", "/v2.0/ports?device_id=" + id)
				.path("ports")
				.get(0)
				.path("id")
				.asString();
			JsonNode floating = cloud
				.send("network", "POST", "/v2.0/floatingips",
						"""
								{"floatingip": {"floating_network_id": "%s", "port_id": "%s"}}"""
							.formatted(id("network", "/v2.0/networks", "networks", external), port))
				.path("floatingip");
			floatingIps.add(floating.path("id").asString());
			String address = floating.path("floating_ip_address").asString();
			long associated = System.nanoTime();
			Predicate<JsonNode> hasFloating = (server) -> hasAddress(server, address);
			awaitListed("the floating IP",
					(server) -> server.path("id").asString().equals(id) && hasFloating.test(server), associated);
			watcher.awaitSince(associated, "changed", id, hasFloating);

			cloud.send("compute", "POST", "/servers/" + id + "/action", "{\"os-stop\": null}");
			long stopped = awaitNova(id, (server) -> server.path("status").asString().equals("SHUTOFF"));
			awaitListed("SHUTOFF", (server) -> server.path("id").asString().equals(id)
					&& server.path("status").asString().equals("SHUTOFF"), stopped);
			watcher.awaitSince(stopped, "changed", id, (server) -> server.path("status").asString().equals("SHUTOFF"));

			cloud.servers().delete(id);
			long gone = awaitNova(id,
					(server) -> server.isMissingNode() || server.path("status").asString().equals("DELETED"));
			awaitNotListed(id, gone);
			watcher.awaitSince(gone, "deleted", id, (server) -> true);
		}
	}

	private static boolean isActive(JsonNode server, String id) {
		return server.path("id").asString().equals(id) && server.path("status").asString().equals("ACTIVE");
	}

	private static boolean hasAddress(JsonNode server, String ip) {
		for (JsonNode address : server.path("addresses")) {
			if (address.path("ip").asString().equals(ip) && address.path("type").asString().equals("floating")) {
				return true;
			}
		}
		return false;
	}

	/**
	 * Waits until the gateway lists a server that matches, at most {@link #WITHIN} after
	 * {@code since}.
	 */
	private static void awaitListed(String what, Predicate<JsonNode> matches, long since) throws Exception {
		awaitGateway(what, (servers) -> stream(servers).anyMatch(matches), since);
	}

	private static void awaitNotListed(String id, long since) throws Exception {
		awaitGateway("server " + id + " gone",
				(servers) -> stream(servers).noneMatch((server) -> server.path("id").asString().equals(id)), since);
	}

	private static void awaitGateway(String what, Predicate<JsonNode> condition, long since) throws Exception {
		while (true) {
			HttpResponse<String> response = gateway.get("/api/v1/servers?name=" + PREFIX);
			assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
			if (condition.test(Gateway.json(response))) {
				System.out.printf("LiveViewIT: %s listed after %d ms%n", what, (System.nanoTime() - since) / 1_000_000);
				return;
			}
			assertThat(Duration.ofNanos(System.nanoTime() - since)).as(what + " in the gateway's list")
				.isLessThanOrEqualTo(WITHIN);
			Thread.sleep(50);
		}
	}

	/**
	 * Waits, up to a minute, until Nova itself shows the server so.
	 * @return when it did, in {@link System#nanoTime()}
	 */
	private static long awaitNova(String id, Predicate<JsonNode> condition) throws Exception {
		long deadline = System.nanoTime() + Duration.ofMinutes(1).toNanos();
		while (true) {
			JsonNode server = stream(cloud.get("compute", "/servers/detail?name=" + PREFIX).path("servers"))
				.filter((candidate) -> candidate.path("id").asString().equals(id))
				.findFirst()
				.orElse(Gateway.JSON.missingNode());
			if (condition.test(server)) {
				return System.nanoTime();
			}
			assertThat(System.nanoTime()).as("server " + id + " in Nova within a minute").isLessThan(deadline);
			Thread.sleep(200);
		}
	}

	private static String id(String service, String path, String collection, String name) throws Exception {
		return stream(cloud.get(service, path).path(collection))
			.filter((item) -> item.path("name").asString().equals(name))
			.findFirst()
			.orElseThrow(() -> new IllegalStateException("No " + name + " in " + service + path))
			.path("id")
			.asString();
	}

	private static Stream<JsonNode> stream(JsonNode array) {
		List<JsonNode> items = new ArrayList<>();
		array.forEach(items::add);
		return items.stream();
	}

	/** One event of the watch stream, with when it arrived. */
	private record Event(String id, String type, JsonNode data, long receivedAt) {
	}

	/** A watch stream read on a background thread of the HTTP client. */
	private static final class Watcher implements AutoCloseable {

		private final List<Event> events = new CopyOnWriteArrayList<>();

		private final CompletableFuture<HttpResponse<Stream<String>>> response;

		private final HttpClient http = HttpClient.newHttpClient();

		Watcher(String path) {
			this.response = this.http.sendAsync(HttpRequest.newBuilder(URI.create(gateway.baseUrl() + path))
				.header("X-Auth-Token", cloud.token())
				.header("Accept", "text/event-stream")
				.build(), HttpResponse.BodyHandlers.ofLines());
			this.response.thenAcceptAsync((answer) -> read(answer.body()));
		}

		private void read(Stream<String> lines) {
			String[] event = new String[3];
			lines.forEach((line) -> {
				if (line.isEmpty()) {
					if (event[1] != null) {
						this.events
							.add(new Event(event[0], event[1], Gateway.JSON.readTree(event[2]), System.nanoTime()));
					}
					event[0] = null;
					event[1] = null;
					event[2] = null;
				}
				else if (line.startsWith("id:")) {
					event[0] = line.substring(3);
				}
				else if (line.startsWith("event:")) {
					event[1] = line.substring(6);
				}
				else if (line.startsWith("data:")) {
					event[2] = line.substring(5);
				}
			});
		}

		/**
		 * Waits, up to 30 s (a loaded Keystone can take that long to validate the token),
		 * for an event.
		 */
		void await(String what, Predicate<Event> matches) throws InterruptedException {
			long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
			while (this.events.stream().noneMatch(matches)) {
				assertThat(System.nanoTime()).as(what + " in the watch stream").isLessThan(deadline);
				Thread.sleep(20);
			}
		}

		/**
		 * Waits for an event about the server, and checks it came at most {@link #WITHIN}
		 * after {@code since}.
		 */
		void awaitSince(long since, String type, String serverId, Predicate<JsonNode> matches)
				throws InterruptedException {
			Predicate<Event> wanted = (event) -> event.type().equals(type)
					&& event.data().path("id").asString().equals(serverId) && matches.test(event.data());
			await(type + " " + serverId, wanted);
			Event event = this.events.stream().filter(wanted).findFirst().orElseThrow();
			System.out.printf("LiveViewIT: %s event after %d ms%n", type, (event.receivedAt() - since) / 1_000_000);
			assertThat(Duration.ofNanos(event.receivedAt() - since)).as(type + " event for " + serverId)
				.isLessThanOrEqualTo(WITHIN);
			assertThat(event.id()).contains("-");
		}

		/** Stops reading; the stream itself ends with the gateway. */
		@Override
		public void close() {
			this.response.cancel(true);
		}

	}

}
