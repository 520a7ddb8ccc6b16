package io.stackgate.bench.list;

import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Supplier;
import java.util.stream.Collectors;

import io.stackgate.bench.support.Json;
import io.stackgate.bench.support.Stats.Latencies;
import tools.jackson.databind.JsonNode;

import static io.stackgate.bench.support.Console.log;

/**
 * 1. The whole list: the gateway's {@code GET /api/v1/servers} (no limit) against Nova's
 * {@code servers/detail}, all its pages, for the same servers; sequential pairs, the side
 * that goes first alternating, after a warm-up.
 */
final class WholeList {

	private final ListOptions options;

	private final GatewayServers gateway;

	private final NovaServers nova;

	private final ListReport report;

	WholeList(ListOptions options, GatewayServers gateway, NovaServers nova, ListReport report) {
		this.options = options;
		this.gateway = gateway;
		this.nova = nova;
		this.report = report;
	}

	void run() {
		int warmup = this.options.warmup;
		int rounds = this.options.rounds;
		log("1. whole list: %d warm-up + %d measured pairs, interleaved", warmup, rounds);
		long[] viaGateway = new long[rounds];
		long[] viaNova = new long[rounds];
		GatewayServers.Listing listing = null;
		NovaServers.Detail detail = null;
		for (int i = 0; i < warmup + rounds; i++) {
			boolean gatewayFirst = (i % 2 == 0);
			Timed<?> first = gatewayFirst ? timed(this.gateway::list) : timed(this.nova::detail);
			Timed<?> second = gatewayFirst ? timed(this.nova::detail) : timed(this.gateway::list);
			Timed<?> gw = gatewayFirst ? first : second;
			Timed<?> os = gatewayFirst ? second : first;
			listing = (GatewayServers.Listing) gw.value();
			detail = (NovaServers.Detail) os.value();
			if (i == 0) {
				sameServers(listing.servers(), detail.servers());
			}
			if (i >= warmup) {
				viaGateway[i - warmup] = gw.nanos();
				viaNova[i - warmup] = os.nanos();
			}
		}
		Latencies g = Latencies.of(viaGateway);
		Latencies n = Latencies.of(viaNova);
		log("   gateway p50 %.1f ms p99 %.1f ms (min %.1f, max %.1f), %d servers, %d bytes", g.p50(), g.p99(), g.min(),
				g.max(), listing.servers().size(), listing.bytes());
		log("   nova    p50 %.1f ms p99 %.1f ms (min %.1f, max %.1f), %d servers, %d bytes in %d page(s)", n.p50(),
				n.p99(), n.min(), n.max(), detail.servers().size(), detail.bytes(), detail.pages());
		this.report.ratio("1", "whole list p50 (ms)", g.p50(), n.p50(), "<= 0.05", g.p50() / n.p50() <= 0.05);
		this.report.ratio("1", "whole list p99 (ms)", g.p99(), n.p99(), "<= 0.05", g.p99() / n.p99() <= 0.05);
		this.report.note("1", "servers / bytes per whole list", listing.servers().size() + " / " + listing.bytes(),
				detail.servers().size() + " / " + detail.bytes() + " (" + detail.pages() + " pages)");
		this.report.figure("wholeList", Map.of("gateway", g, "nova", n, "rounds", rounds, "gatewayBytes",
				listing.bytes(), "novaBytes", detail.bytes(), "novaPages", detail.pages()));
	}

	/**
	 * Both sides list the same servers; a difference is only warned about (the project
	 * may change under the run).
	 */
	private static void sameServers(List<JsonNode> viaGateway, List<JsonNode> viaNova) {
		Set<String> gw = ids(viaGateway);
		Set<String> os = ids(viaNova);
		if (!gw.equals(os)) {
			log("   WARNING: the gateway lists %d servers, Nova %d; %d only in the gateway's, %d only in Nova's",
					gw.size(), os.size(), gw.stream().filter((id) -> !os.contains(id)).count(),
					os.stream().filter((id) -> !gw.contains(id)).count());
		}
	}

	static Set<String> ids(List<JsonNode> servers) {
		return servers.stream().map((s) -> Json.string(s, "id")).collect(Collectors.toSet());
	}

	private record Timed<T>(T value, long nanos) {
	}

	private static <T> Timed<T> timed(Supplier<T> request) {
		long start = System.nanoTime();
		T value = request.get();
		return new Timed<>(value, System.nanoTime() - start);
	}

}
