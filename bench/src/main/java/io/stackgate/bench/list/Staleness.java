package io.stackgate.bench.list;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;

import io.stackgate.bench.support.BenchFailure;
import io.stackgate.bench.support.Json;
import io.stackgate.bench.support.Stats.Latencies;
import tools.jackson.databind.JsonNode;

import static io.stackgate.bench.support.Console.log;
import static io.stackgate.bench.support.Console.sleep;

/**
 * 2. Staleness: {@code --renames} servers renamed directly at Nova ({@code PUT
 * /servers/{id}}), one every {@code --rename-every} seconds, spread over the list (ACTIVE
 * and ERROR ones alike), while one poller asks the gateway for the whole list back to
 * back. A rename's staleness is the time from Nova's answer to the PUT until a gateway
 * list shows the new name (taken when that list's answer has arrived: an upper bound, it
 * includes the list request). After the last rename the bench waits up to
 * {@code --staleness-timeout} for the ones not seen yet; one still not seen counts as
 * that long and is reported, as are failed lists.
 */
final class Staleness {

	private final ListOptions options;

	private final GatewayServers gateway;

	private final NovaServers nova;

	private final ListReport report;

	/** Renames not yet seen in the gateway's list, by server id. */
	private final Map<String, Pending> pending = new ConcurrentHashMap<>();

	private final AtomicLong polls = new AtomicLong();

	private final AtomicLong failedPolls = new AtomicLong();

	private long[] delays;

	Staleness(ListOptions options, GatewayServers gateway, NovaServers nova, ListReport report) {
		this.options = options;
		this.gateway = gateway;
		this.nova = nova;
		this.report = report;
	}

	void run(List<JsonNode> servers) {
		int renames = this.options.renames;
		long timeout = this.options.stalenessTimeout.toNanos();
		log("2. staleness: %d renames at Nova, one every %d s, until the gateway's list shows each (at most %d s)",
				renames, this.options.renameEvery.toSeconds(), this.options.stalenessTimeout.toSeconds());
		this.delays = new long[renames];
		Thread poller = new Thread(this::poll, "staleness-poller");
		poller.setDaemon(true);
		poller.start();
		String tag = Long.toString(System.currentTimeMillis() / 1000, 36);
		try {
			for (int i = 0; i < renames; i++) {
				long next = System.nanoTime() + this.options.renameEvery.toNanos();
				String id = Json.string(servers.get((int) ((long) i * servers.size() / renames)), "id");
				String name = "listbench-" + tag + "-r" + i;
				this.nova.rename(id, name);
				this.pending.put(id, new Pending(i, name, System.nanoTime()));
				sleep(Duration.ofNanos(Math.max(0, next - System.nanoTime())));
			}
			long deadline = System.nanoTime() + timeout;
			while (!this.pending.isEmpty() && System.nanoTime() < deadline) {
				sleep(Duration.ofMillis(100));
			}
		}
		finally {
			poller.interrupt();
		}
		int unseen = this.pending.size();
		this.pending.values().forEach((p) -> this.delays[p.index()] = timeout);
		Latencies stale = Latencies.of(this.delays);
		log("   p50 %.0f ms, p99 %.0f ms (min %.0f, max %.0f); %d not seen within %d s; %d gateway lists answered, %d "
				+ "failed", stale.p50(), stale.p99(), stale.min(), stale.max(), unseen,
				this.options.stalenessTimeout.toSeconds(), this.polls.get(), this.failedPolls.get());
		this.report.single("2", "staleness p50 after a rename at Nova (ms)", stale.p50(), null, null);
		this.report.single("2", "staleness p99 after a rename at Nova (ms)", stale.p99(), "<= 2000",
				unseen == 0 && stale.p99() <= 2000);
		this.report.note("2",
				"renames not seen within " + this.options.stalenessTimeout.toSeconds()
						+ " s / gateway lists answered (failed)",
				unseen + " / " + this.polls.get() + " (" + this.failedPolls.get() + ")", "-");
		this.report.figure("staleness", Map.of("renames", renames, "unseen", unseen, "delay", stale, "polls",
				this.polls.get(), "failedPolls", this.failedPolls.get()));
	}

	/**
	 * The poller: whole lists back to back (50 ms apart) until interrupted. A list that
	 * fails (a 504 when Nova is slower than the gateway's read timeout) is counted and
	 * the next one sent, as a polling client would.
	 */
	private void poll() {
		while (!Thread.currentThread().isInterrupted()) {
			try {
				List<JsonNode> listed = this.gateway.list().servers();
				long seenAt = System.nanoTime();
				this.polls.incrementAndGet();
				for (JsonNode server : listed) {
					String id = Json.string(server, "id");
					Pending p = this.pending.get(id);
					if (p != null && p.name().equals(Json.string(server, "name"))) {
						this.delays[p.index()] = seenAt - p.answeredAt();
						this.pending.remove(id);
					}
				}
				Thread.sleep(50);
			}
			catch (InterruptedException ex) {
				Thread.currentThread().interrupt();
			}
			catch (BenchFailure ex) {
				if (Thread.currentThread().isInterrupted()) {
					return;
				}
				if (this.failedPolls.getAndIncrement() == 0) {
					log("   a gateway list failed (counted; polling goes on): %s", ex.getMessage());
				}
			}
		}
	}

	private record Pending(int index, String name, long answeredAt) {
	}

}
