package io.stackgate.bench.launch;

import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import io.stackgate.bench.launch.NovaSide.Server;
import io.stackgate.bench.support.BenchFailure;

import static io.stackgate.bench.support.Console.log;
import static io.stackgate.bench.support.Console.sleep;

/**
 * Deletes every server whose name starts with the run's prefix (through the gateway for
 * the ones it launched, at Nova for the others) and waits until Nova no longer lists
 * them. A delete is sent again to a server still listed a minute later.
 */
final class Cleanup {

	private final String prefix;

	private final NovaSide nova;

	private final GatewaySide gateway;

	private final Duration timeout;

	Cleanup(String prefix, NovaSide nova, GatewaySide gateway, Duration timeout) {
		this.prefix = prefix;
		this.nova = nova;
		this.gateway = gateway;
		this.timeout = timeout;
	}

	synchronized void removeAll(String when) {
		List<Server> left = this.nova.list(this.prefix);
		if (left.isEmpty()) {
			return;
		}
		log("   deleting the %d server(s) named %s* (%s)", left.size(), this.prefix, when);
		long start = System.nanoTime();
		long deadline = start + this.timeout.toNanos();
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
				throw new BenchFailure("servers still there " + this.timeout.toSeconds()
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

}
