package io.stackgate.bench.remote;

import java.net.http.HttpResponse;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;

import io.stackgate.bench.support.BenchFailure;
import io.stackgate.bench.support.Http;
import io.stackgate.bench.support.Json;
import io.stackgate.bench.support.Stats;
import tools.jackson.databind.JsonNode;

import static io.stackgate.bench.support.Console.log;
import static io.stackgate.bench.support.Console.require;
import static io.stackgate.bench.support.Console.sleep;

/**
 * 2. A launch that waits: the gateway's {@code POST /api/v1/servers?wait=true} against
 * Nova's {@code POST /servers} through the front and a {@code GET} every 500 ms until
 * ACTIVE, one at a time, the side that goes first alternating. Each is timed from just
 * before its POST until the answer that showed it ACTIVE. A create is never sent twice.
 * Every server is named with the run's prefix and deleted at Nova after its launch; the
 * next launch starts once it is gone.
 */
final class Launches {

	private static final Duration POLL = Duration.ofMillis(500);

	private static final Duration GONE_TIMEOUT = Duration.ofSeconds(180);

	/** Every server of this run has a name that starts with this. */
	private final String prefix = "remotebench-" + HexFormat.of().formatHex(new SecureRandom().generateSeed(3)) + "-";

	private final RemoteOptions options;

	private final GatewayApi gateway;

	private final Front front;

	/** Set on Ctrl-C / SIGTERM: no new server is launched. */
	private volatile boolean stopping;

	Launches(RemoteOptions options, GatewayApi gateway, Front front) {
		this.options = options;
		this.gateway = gateway;
		this.front = front;
	}

	String prefix() {
		return this.prefix;
	}

	/** Launches nothing more. */
	void stop() {
		this.stopping = true;
	}

	void run(RemoteResults results) {
		int n = this.options.launches;
		log("2. %d launches per side, one at a time, interleaved: %s, %s, %s; servers named %s*", n,
				this.options.flavor, this.options.image, this.options.network, this.prefix);
		String flavorId = this.front.flavorId(this.options.flavor);
		String imageId = this.front.imageId(this.options.image);
		String networkId = this.front.networkId(this.options.network);
		double[] viaGateway = new double[n];
		double[] direct = new double[n];
		for (int r = 0; r < n; r++) {
			String name = this.prefix + (r + 1);
			boolean gatewayFirst = (r % 2 == 0);
			for (boolean gatewaySide : gatewayFirst ? new boolean[] { true, false } : new boolean[] { false, true }) {
				require(!this.stopping, "stopped");
				if (gatewaySide) {
					viaGateway[r] = viaGateway(name + "-gw");
				}
				else {
					direct[r] = direct(name + "-os", flavorId, imageId, networkId);
				}
				removeAll();
			}
			log("   round %d (%s first): gateway %.2f s, direct %.2f s", r + 1, gatewayFirst ? "gateway" : "direct",
					viaGateway[r], direct[r]);
		}
		results.figure("2.launches", n);
		results.figure("2.gateway.median", Stats.median(viaGateway));
		results.figure("2.direct.median", Stats.median(direct));
	}

	/**
	 * @return seconds from before the POST until the gateway answered the server ACTIVE
	 */
	private double viaGateway(String name) {
		long start = System.nanoTime();
		HttpResponse<String> response = this.gateway.launchAndWait(name, this.options.flavor, this.options.image,
				this.options.network, this.options.launchTimeout);
		double seconds = (System.nanoTime() - start) / 1e9;
		require(response.statusCode() != 202, "the gateway's launch of %s was not ACTIVE after %d s (answered 202)",
				name, this.options.launchTimeout.toSeconds());
		List<JsonNode> servers = Json.list(Json.read(Http.expect(response, 200)));
		require(servers.size() == 1, "the gateway answered %d servers for one launch", servers.size());
		String status = Json.string(servers.get(0), "status");
		require(status.equals("ACTIVE"), "the gateway's launch of %s ended %s: %s", name, status,
				servers.get(0).path("fault"));
		return seconds;
	}

	/**
	 * @return seconds from before the POST until the GET that showed the server ACTIVE
	 */
	private double direct(String name, String flavorId, String imageId, String networkId) {
		long start = System.nanoTime();
		String id = this.front.create(name, flavorId, imageId, networkId);
		long deadline = start + this.options.launchTimeout.toNanos();
		while (true) {
			sleep(POLL);
			Front.State state = this.front.state(id);
			if (state.status().equals("ACTIVE")) {
				return (System.nanoTime() - start) / 1e9;
			}
			require(!state.status().equals("ERROR"), "server %s (%s) went to ERROR: %s", name, id, state.fault());
			require(System.nanoTime() < deadline, "server %s (%s) still %s after %d s", name, id, state.status(),
					this.options.launchTimeout.toSeconds());
		}
	}

	/**
	 * Deletes every server of the run at Nova and waits until Nova no longer lists them;
	 * a delete is sent again to a server still listed 60 s later.
	 */
	synchronized void removeAll() {
		long start = System.nanoTime();
		Map<String, Long> sentAt = new HashMap<>();
		List<Front.Server> left = this.front.list("^" + this.prefix);
		while (!left.isEmpty()) {
			for (Front.Server server : left) {
				Long sent = sentAt.get(server.id());
				if (sent == null || System.nanoTime() - sent > 60_000_000_000L) {
					this.front.delete(server.id());
					sentAt.put(server.id(), System.nanoTime());
				}
			}
			if (System.nanoTime() - start > GONE_TIMEOUT.toNanos()) {
				throw new BenchFailure("servers still there " + GONE_TIMEOUT.toSeconds()
						+ " s after deleting them, delete them by hand: " + left);
			}
			sleep(Duration.ofSeconds(1));
			left = this.front.list("^" + this.prefix);
		}
	}

}
