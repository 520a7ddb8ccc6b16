package io.stackgate.bench.remote;

import java.time.Duration;
import java.time.Instant;
import java.util.List;

import io.stackgate.bench.support.Http;

import static io.stackgate.bench.support.Console.log;
import static io.stackgate.bench.support.Console.sleep;

/**
 * 4. The connections a live view opens: one {@code GET /api/v1/servers} starts the
 * project's view (nothing before it in the run lists servers), the same list every
 * {@code --view-every} seconds keeps it (a view lasts while its caller's token validation
 * is cached), and the front's access log tells, for the window from {@code --window-from}
 * to {@code --window-to} seconds after that first list was sent, the requests and the
 * connections first seen in it, per service. The bench itself sends the front nothing
 * meanwhile, so every line is the gateway's (or another client's of the front: the run
 * should have the front to itself).
 */
final class ViewConnections {

	private final RemoteOptions options;

	private final GatewayApi gateway;

	private final AccessLog accessLog;

	ViewConnections(RemoteOptions options, GatewayApi gateway, AccessLog accessLog) {
		this.options = options;
		this.gateway = gateway;
		this.accessLog = accessLog;
	}

	/**
	 * @param since where the access log stood before the gateway opened its first
	 * connection
	 */
	void run(RemoteResults results, long since) {
		long from = this.options.windowFrom.toSeconds();
		long to = this.options.windowTo.toSeconds();
		log("4. live view: a server list now and every %d s; connections and requests %d-%d s after the first, "
				+ "from %s", this.options.viewEvery.toSeconds(), from, to, this.accessLog.file());
		long start = System.currentTimeMillis();
		list();
		for (long at = this.options.viewEvery.toMillis(); at < to * 1000; at += this.options.viewEvery.toMillis()) {
			sleepUntil(start + at);
			list();
		}
		// A request's line is written when it is answered: give the last ones a moment.
		sleepUntil(start + to * 1000 + 2000);
		AccessLog.Window window = AccessLog.window(this.accessLog.since(since), start + from * 1000, start + to * 1000);
		results.figure("4.window.from", from);
		results.figure("4.window.to", to);
		for (String service : RemoteResults.SERVICES) {
			results.figure("4.new." + service, window.newConnections(service));
			results.figure("4.requests." + service, window.requests(service));
		}
		log("   window %s + %d-%d s: new connections %s, requests %s, %d connections used", Instant.ofEpochMilli(start),
				from, to, window.newConnections(), window.requests(), window.connectionsUsed());
		List<String> others = window.requests()
			.keySet()
			.stream()
			.filter((service) -> !RemoteResults.SERVICES.contains(service))
			.toList();
		if (!others.isEmpty()) {
			log("   WARNING: requests to %s too: is another client using the front?", others);
		}
	}

	private void list() {
		Http.expect(this.gateway.get("/api/v1/servers"), 200);
	}

	private static void sleepUntil(long epochMillis) {
		sleep(Duration.ofMillis(Math.max(0, epochMillis - System.currentTimeMillis())));
	}

}
