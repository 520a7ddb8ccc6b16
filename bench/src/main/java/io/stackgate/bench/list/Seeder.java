package io.stackgate.bench.list;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Collectors;

import io.stackgate.bench.support.BenchFailure;
import io.stackgate.bench.support.Json;
import tools.jackson.databind.JsonNode;

import static io.stackgate.bench.support.Console.log;
import static io.stackgate.bench.support.Console.require;
import static io.stackgate.bench.support.Console.sleep;

/**
 * Fills the project up to {@code --servers}: first up to {@code --active} servers that
 * Nova builds (ACTIVE, with an address on {@code --network}), then the rest with
 * {@code --error-flavor}, which no compute node can take, so that the scheduler puts them
 * in ERROR (NoValidHost) within seconds instead of building them for hours. All come in
 * batches of {@code --batch}, one {@code POST /servers} with
 * {@code min_count = max_count} each, with metadata {@code bench=list}. Servers already
 * there count; nothing is deleted.
 */
final class Seeder {

	private final ListOptions options;

	private final NovaServers nova;

	Seeder(ListOptions options, NovaServers nova) {
		this.options = options;
		this.nova = nova;
	}

	/**
	 * @return the project's servers once none is in BUILD, at least {@code --servers} of
	 * them
	 */
	List<JsonNode> seed() {
		List<JsonNode> servers = this.nova.detail().servers();
		int missing = this.options.servers - servers.size();
		log("project %s: %d servers (%s); %d wanted", this.nova.projectId(), servers.size(), mix(servers),
				this.options.servers);
		if (missing > 0) {
			long building = servers.stream().filter((s) -> !"ERROR".equals(s.path("status").asString())).count();
			int active = (int) Math.min(missing, Math.max(0, this.options.active - building));
			String imageId = this.nova.imageId(this.options.image);
			String networkId = this.nova.networkId(this.options.network);
			String tag = Long.toString(System.currentTimeMillis() / 1000, 36);
			create("listbench-" + tag + "-a", active, this.nova.flavorId(this.options.flavor), imageId, networkId,
					"active");
			create("listbench-" + tag + "-e", missing - active, this.nova.flavorId(this.options.errorFlavor), imageId,
					networkId, "error");
		}
		servers = awaitSettled();
		check(servers);
		return servers;
	}

	private void create(String name, int count, String flavorId, String imageId, String networkId, String kind) {
		for (int done = 0, batch = 1; done < count; batch++) {
			int n = Math.min(this.options.batch, count - done);
			long start = System.nanoTime();
			this.nova.createMany(name + batch, n, flavorId, imageId, networkId, Map.of("bench", "list", "kind", kind));
			done += n;
			log("   POST /servers for %d %s servers (%d/%d) answered in %.1f s", n, kind, done, count,
					(System.nanoTime() - start) / 1e9);
		}
	}

	/**
	 * Waits until no server is in BUILD (or another transitional state), within
	 * {@code --seed-timeout}.
	 */
	private List<JsonNode> awaitSettled() {
		long start = System.nanoTime();
		long deadline = start + this.options.seedTimeout.toNanos();
		long lastLog = 0;
		while (true) {
			List<JsonNode> servers = this.nova.detail().servers();
			long unsettled = servers.stream().filter(Seeder::unsettled).count();
			if (unsettled == 0) {
				log("   settled after %.0f s: %s", (System.nanoTime() - start) / 1e9, mix(servers));
				return servers;
			}
			if (System.nanoTime() > deadline) {
				throw new BenchFailure(unsettled + " servers still not settled " + this.options.seedTimeout.toSeconds()
						+ " s after seeding (--seed-timeout): " + mix(servers));
			}
			if (System.nanoTime() - lastLog > 30_000_000_000L) {
				log("   waiting for %d servers to settle: %s", unsettled, mix(servers));
				lastLog = System.nanoTime();
			}
			sleep(Duration.ofSeconds(10));
		}
	}

	private static boolean unsettled(JsonNode server) {
		String status = server.path("status").asString();
		return !status.equals("ACTIVE") && !status.equals("ERROR") && !status.equals("SHUTOFF");
	}

	/**
	 * Each server has what the gateway's list shows: name, status, flavor, image and
	 * metadata.
	 */
	private void check(List<JsonNode> servers) {
		require(servers.size() >= this.options.servers, "the project has %d servers, %d wanted", servers.size(),
				this.options.servers);
		for (JsonNode server : servers) {
			Json.string(server, "name");
			Json.string(server, "status");
			Json.string(Json.field(server, "flavor"), "id");
			Json.string(Json.field(server, "image"), "id");
			require(Json.field(server, "metadata").isObject(), "server %s has no metadata object", server);
		}
	}

	/**
	 * @return e.g. "960 ERROR, 40 ACTIVE (40 with addresses)"
	 */
	static String mix(List<JsonNode> servers) {
		Map<String, Long> byStatus = servers.stream()
			.collect(Collectors.groupingBy((s) -> s.path("status").asString(), TreeMap::new, Collectors.counting()));
		long addressed = servers.stream().filter((s) -> !s.path("addresses").isEmpty()).count();
		String statuses = byStatus.entrySet()
			.stream()
			.map((e) -> e.getValue() + " " + e.getKey())
			.collect(Collectors.joining(", "));
		return (statuses.isEmpty() ? "none" : statuses) + "; " + addressed + " with addresses";
	}

}
