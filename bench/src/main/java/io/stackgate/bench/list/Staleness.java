package io.stackgate.bench.list;

import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import io.stackgate.bench.support.Json;
import io.stackgate.bench.support.Stats.Latencies;
import tools.jackson.databind.JsonNode;

import static io.stackgate.bench.support.Console.log;
import static io.stackgate.bench.support.Console.sleep;

/**
 * 2. Staleness: servers renamed directly at Nova ({@code PUT /servers/{id}}), {@code --renames-at-once} at a time,
 * and the time from Nova's answer to the PUT until the gateway's whole list, polled back to back (50 ms apart), first
 * shows the new name: an upper bound, as it includes the list request that saw it. A rename not seen within
 * {@code --staleness-timeout} counts as that long and is reported.
 */
final class Staleness {

	private final ListOptions options;

	private final GatewayServers gateway;

	private final NovaServers nova;

	private final ListReport report;

	Staleness(ListOptions options, GatewayServers gateway, NovaServers nova, ListReport report) {
		this.options = options;
		this.gateway = gateway;
		this.nova = nova;
		this.report = report;
	}

	void run(List<JsonNode> servers) {
		int renames = this.options.renames;
		log("2. staleness: %d renames at Nova, %d at a time, until the gateway's list shows them (at most %d s each)",
				renames, this.options.renamesAtOnce, this.options.stalenessTimeout.toSeconds());
		String tag = Long.toString(System.currentTimeMillis() / 1000, 36);
		long[] delays = new long[renames];
		int unseen = 0;
		long polls = 0;
		for (int done = 0; done < renames;) {
			int n = Math.min(this.options.renamesAtOnce, renames - done);
			Map<String, Pending> pending = new LinkedHashMap<>();
			for (int k = 0; k < n; k++) {
				// Spread over the list: ACTIVE ones (with addresses) and ERROR ones alike.
				String id = Json.string(servers.get((int) ((long) (done + k) * servers.size() / renames)), "id");
				String name = "listbench-" + tag + "-r" + (done + k);
				this.nova.rename(id, name);
				pending.put(id, new Pending(done + k, name, System.nanoTime()));
			}
			long deadline = System.nanoTime() + this.options.stalenessTimeout.toNanos();
			while (!pending.isEmpty() && System.nanoTime() < deadline) {
				List<JsonNode> listed = this.gateway.list().servers();
				long seenAt = System.nanoTime();
				polls++;
				for (JsonNode server : listed) {
					Pending p = pending.get(Json.string(server, "id"));
					if (p != null && p.name().equals(Json.string(server, "name"))) {
						delays[p.index()] = seenAt - p.answeredAt();
						pending.remove(Json.string(server, "id"));
					}
				}
				sleep(Duration.ofMillis(50));
			}
			for (Pending p : pending.values()) {
				delays[p.index()] = this.options.stalenessTimeout.toNanos();
				unseen++;
			}
			done += n;
		}
		Latencies stale = Latencies.of(delays);
		log("   p50 %.0f ms, p99 %.0f ms (min %.0f, max %.0f); %d not seen within %d s; %d gateway lists polled",
				stale.p50(), stale.p99(), stale.min(), stale.max(), unseen, this.options.stalenessTimeout.toSeconds(),
				polls);
		this.report.single("2", "staleness p50 after a rename at Nova (ms)", stale.p50(), null, null);
		this.report.single("2", "staleness p99 after a rename at Nova (ms)", stale.p99(), "<= 2000",
				unseen == 0 && stale.p99() <= 2000);
		if (unseen > 0) {
			this.report.note("2", "renames not seen within " + this.options.stalenessTimeout.toSeconds() + " s",
					String.valueOf(unseen), "-");
		}
		this.report.figure("staleness", Map.of("renames", renames, "unseen", unseen, "delay", stale, "polls", polls));
	}

	private record Pending(int index, String name, long answeredAt) {
	}

}
