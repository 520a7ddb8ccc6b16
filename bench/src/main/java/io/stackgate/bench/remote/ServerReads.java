package io.stackgate.bench.remote;

import java.net.http.HttpResponse;

import io.stackgate.bench.support.Http;
import io.stackgate.bench.support.Json;
import io.stackgate.bench.support.Stats;

import static io.stackgate.bench.support.Console.log;
import static io.stackgate.bench.support.Console.require;

/**
 * 1. One server read: the gateway's {@code GET /api/v1/servers/{id}} against Nova's
 * {@code GET /servers/{id}} through the front on a kept HTTPS connection, with the same
 * token; sequential pairs, the side that goes first alternating, after a warm-up. Every
 * answer must be a 200 with the server.
 */
final class ServerReads {

	private final RemoteOptions options;

	private final GatewayApi gateway;

	private final Front front;

	private final AccessLog accessLog;

	ServerReads(RemoteOptions options, GatewayApi gateway, Front front, AccessLog accessLog) {
		this.options = options;
		this.gateway = gateway;
		this.front = front;
		this.accessLog = accessLog;
	}

	void run(RemoteResults results) {
		String id = this.front.serverId(this.options.server);
		int warmup = this.options.warmup;
		int n = this.options.requests;
		log("1. GET server %s (%s): %d warm-up + %d measured pairs, gateway and direct interleaved",
				this.options.server, id, warmup, n);
		long mark = this.accessLog.mark();
		long[] viaGateway = new long[n];
		long[] direct = new long[n];
		for (int i = 0; i < warmup + n; i++) {
			boolean gatewayFirst = (i % 2 == 0);
			long first = gatewayFirst ? gatewayRead(id) : directRead(id);
			long second = gatewayFirst ? directRead(id) : gatewayRead(id);
			if (i >= warmup) {
				viaGateway[i - warmup] = gatewayFirst ? first : second;
				direct[i - warmup] = gatewayFirst ? second : first;
			}
		}
		results.figure("1.requests", n);
		results.figure("1.gateway.p50", Stats.percentileMillis(viaGateway, 50));
		results.figure("1.gateway.p90", Stats.percentileMillis(viaGateway, 90));
		results.figure("1.direct.p50", Stats.percentileMillis(direct, 50));
		results.figure("1.direct.p90", Stats.percentileMillis(direct, 90));
		log("   gateway p50 %.1f ms p90 %.1f ms; direct p50 %.1f ms p90 %.1f ms; ratio of the p50s %.2f",
				results.get("1.gateway.p50"), results.get("1.gateway.p90"), results.get("1.direct.p50"),
				results.get("1.direct.p90"), results.get("1.gateway.p50") / results.get("1.direct.p50"));
		AccessLog.Window all = AccessLog.window(this.accessLog.since(mark), 0, Long.MAX_VALUE);
		log("   the front logged %d requests on %d connections meanwhile (both sides; the direct side keeps one)",
				all.requests().values().stream().mapToInt(Integer::intValue).sum(), all.connectionsUsed());
	}

	/**
	 * @return how long the request took, until its whole answer was read
	 */
	private long gatewayRead(String id) {
		long start = System.nanoTime();
		HttpResponse<String> response = this.gateway.get("/api/v1/servers/" + id);
		long nanos = System.nanoTime() - start;
		require(id.equals(Json.string(Json.read(Http.expect(response, 200)), "id")),
				"the gateway answered another server for %s", id);
		return nanos;
	}

	private long directRead(String id) {
		long start = System.nanoTime();
		HttpResponse<String> response = this.front.getServer(id);
		long nanos = System.nanoTime() - start;
		require(id.equals(Json.string(Json.field(Json.read(Http.expect(response, 200)), "server"), "id")),
				"Nova answered another server for %s", id);
		return nanos;
	}

}
