package io.stackgate.bench.gateway;

import java.io.IOException;
import java.nio.file.Files;
import java.time.Duration;
import java.util.Locale;

import io.stackgate.bench.gateway.Gateway.KeystoneCalls;
import io.stackgate.bench.support.BenchFailure;
import io.stackgate.bench.support.Http;
import io.stackgate.bench.support.Load;
import io.stackgate.bench.support.Proc;
import io.stackgate.bench.support.Stats.Latencies;

import static io.stackgate.bench.support.Console.log;

/**
 * The four measured sections of the gateway benchmark; each adds its rows to the report.
 */
final class Sections {

	private final GatewayOptions options;

	private final Gateway gateway;

	private final Direct direct;

	private final GatewayReport report;

	Sections(GatewayOptions options, Gateway gateway, Direct direct, GatewayReport report) {
		this.options = options;
		this.gateway = gateway;
		this.direct = direct;
		this.report = report;
	}

	/**
	 * 1. latency: gateway GET /api/v1/servers vs Nova GET /servers/detail, interleaved.
	 */
	void serversLatency() {
		int warmup = this.options.warmup;
		int measured = this.options.requests;
		log("1. latency: %d warm-up + %d measured sequential requests per side, interleaved", warmup, measured);
		long[] viaGateway = new long[measured];
		long[] viaNova = new long[measured];
		long[] startedAt = new long[measured];
		Runnable gatewayList = () -> this.gateway.get("/api/v1/servers");
		long t0 = System.nanoTime();
		for (int i = 0; i < warmup + measured; i++) {
			// Alternate which side goes first so that neither always follows the other.
			boolean gatewayFirst = (i % 2 == 0);
			long at = System.nanoTime() - t0;
			long first = gatewayFirst ? timed(gatewayList) : timed(this.direct::servers);
			long second = gatewayFirst ? timed(this.direct::servers) : timed(gatewayList);
			if (i >= warmup) {
				viaGateway[i - warmup] = gatewayFirst ? first : second;
				viaNova[i - warmup] = gatewayFirst ? second : first;
				startedAt[i - warmup] = at;
			}
		}
		writeSamples(startedAt, viaGateway, viaNova);
		Latencies gw = Latencies.of(viaGateway);
		Latencies nova = Latencies.of(viaNova);
		log("   gateway p50 %.2f ms p99 %.2f ms (min %.2f, max %.2f); nova p50 %.2f ms p99 %.2f ms (min %.2f, max %.2f)",
				gw.p50(), gw.p99(), gw.min(), gw.max(), nova.p50(), nova.p99(), nova.min(), nova.max());
		this.report.ratio("1", "servers p50 latency (ms)", gw.p50(), nova.p50(), "<= 1.10",
				gw.p50() / nova.p50() <= 1.10);
		this.report.ratio("1", "servers p99 latency (ms)", gw.p99(), nova.p99(), "<= 1.10",
				gw.p99() / nova.p99() <= 1.10);
	}

	/** With {@code --samples FILE}: one line per measured pair, to look at the tail. */
	private void writeSamples(long[] startedAt, long[] viaGateway, long[] viaNova) {
		if (this.options.samples == null) {
			return;
		}
		StringBuilder csv = new StringBuilder("seconds_since_start,gateway_ms,nova_ms\n");
		for (int i = 0; i < startedAt.length; i++) {
			csv.append(String.format(Locale.ROOT, "%.3f,%.2f,%.2f%n", startedAt[i] / 1e9, viaGateway[i] / 1e6,
					viaNova[i] / 1e6));
		}
		try {
			Files.writeString(this.options.samples, csv);
			log("   samples written to %s", this.options.samples);
		}
		catch (IOException ex) {
			throw new BenchFailure("cannot write " + this.options.samples + ": " + ex.getMessage(), ex);
		}
	}

	private static long timed(Runnable request) {
		long start = System.nanoTime();
		request.run();
		return System.nanoTime() - start;
	}

	/** 2. throughput: cached launch options vs the four calls it replaces. */
	void launchOptionsThroughput() {
		int clients = this.options.clients;
		Duration duration = this.options.duration;
		log("2. throughput: %d concurrent clients, %d s per side (after %d s warm-up each)", clients,
				duration.toSeconds(), this.options.throughputWarmup.toSeconds());
		Runnable viaGateway = () -> this.gateway.get("/api/v1/launch-options");
		Runnable viaServices = () -> Http.await(this.direct.launchOptions());
		Load.closedLoop(clients, this.options.throughputWarmup, viaGateway);
		double gw = Load.closedLoop(clients, duration, viaGateway).perSecond();
		log("   gateway  %.1f req/s", gw);
		Load.closedLoop(clients, this.options.throughputWarmup, viaServices);
		double services = Load.closedLoop(clients, duration, viaServices).perSecond();
		log("   direct   %.1f req/s (each: flavors, images, networks, subnets in parallel)", services);
		this.report.ratio("2", "launch-options throughput (req/s, " + clients + " clients)", gw, services, ">= 20",
				gw / services >= 20);
	}

	/**
	 * 3. Keystone password logins per 1,000 gateway requests: the gateway's own logins
	 * ({@code stackgate_keystone_authentications_total}, the target) and, once callers
	 * authenticate with Keystone tokens, the caller token validations it asks of Keystone
	 * (its cache misses, reported beside it).
	 */
	void keystoneAuthentications() {
		int requests = this.options.authRequests;
		log("3. keystone authentications over %d gateway requests (GET /api/v1/servers, %d clients)", requests,
				this.options.authClients);
		KeystoneCalls before = this.gateway.keystoneCalls();
		Load.fixedCount(this.options.authClients, requests, (i) -> this.gateway.get("/api/v1/servers"));
		KeystoneCalls after = this.gateway.keystoneCalls();
		double logins = (after.logins() - before.logins()) * 1000.0 / requests;
		double validations = (after.validations() - before.validations()) * 1000.0 / requests;
		log("   password logins %.0f -> %.0f; caller token validations %.0f -> %.0f", before.logins(), after.logins(),
				before.validations(), after.validations());
		this.report.single("3", "keystone password logins per 1,000 requests", logins, "%.1f", "<= 1", logins <= 1);
		this.report.note("3", "caller token validations per 1,000 requests",
				String.format(Locale.ROOT, "%.1f (cache misses; one per token per cache TTL)", validations));
	}

	/**
	 * 4. resident memory of the gateway. Every tenth request lists servers (a Nova call
	 * and the mapping of its answer), the others get the cached launch options: a
	 * single-worker Nova could not serve 10,000 server lists in a reasonable time.
	 */
	void memory(long rssAtStartKiB) {
		int requests = this.options.rssRequests;
		log("4. memory: %d gateway requests (1 in 10 servers, the others launch-options; %d clients)", requests,
				this.options.rssClients);
		Load.fixedCount(this.options.rssClients, requests,
				(i) -> this.gateway.get((i % 10 == 0) ? "/api/v1/servers" : "/api/v1/launch-options"));
		long rss = rssKiB();
		if (rss < 0) {
			this.report.note("4", "gateway RSS after " + requests + " requests", "n/a (no --gateway-pid)");
			return;
		}
		long peak = Proc.statusKiB(this.options.common.gatewayPid(), "VmHWM");
		log("   RSS %.0f MiB at start of the bench, %.0f MiB now, peak %.0f MiB; %d gateway requests sent in all",
				Proc.mib(rssAtStartKiB), Proc.mib(rss), Proc.mib(peak), this.gateway.requestCount());
		this.report.note("4", "gateway RSS after " + requests + " requests (MiB)", String.format(Locale.ROOT,
				"%.0f (peak %.0f, %.0f at start)", Proc.mib(rss), Proc.mib(peak), Proc.mib(rssAtStartKiB)));
	}

	long rssKiB() {
		return Proc.statusKiB(this.options.common.gatewayPid(), "VmRSS");
	}

}
