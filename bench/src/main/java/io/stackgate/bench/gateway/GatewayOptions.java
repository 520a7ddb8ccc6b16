package io.stackgate.bench.gateway;

import java.nio.file.Path;
import java.time.Duration;

import io.stackgate.bench.support.BenchOptions;

import static io.stackgate.bench.support.BenchOptions.atLeast;
import static io.stackgate.bench.support.BenchOptions.seconds;

/** The gateway benchmark's command line. */
final class GatewayOptions {

	static final String USAGE = """
			usage: bench/run [--url URL] [options]   (without --url, bench/run starts a gateway for you)
			  --url URL               the gateway, e.g. http://127.0.0.1:8080 (required)
			  --gateway-pid PID       the gateway's process, for its RSS (section 4)
			  --clouds-yaml PATH      default $OS_CLIENT_CONFIG_FILE
			  --cloud NAME            default $OS_CLOUD
			  --warmup N              latency warm-up requests per side (50)
			  --requests N            latency measured requests per side (300)
			  --clients N             throughput concurrent clients (32)
			  --duration S            throughput seconds per side (20)
			  --throughput-warmup S   throughput warm-up seconds per side (3)
			  --auth-requests N       requests for the Keystone login count (1000)
			  --auth-clients N        concurrent clients for it (4)
			  --rss-requests N        requests before reading RSS (10000)
			  --rss-clients N         concurrent clients for them (8)
			  --timeout S             longest a single request may take before it counts as failed (300)
			  --ready-timeout S       how long to wait for readiness (180)
			  --samples FILE          write the latency samples of section 1 as CSV
			  --check                 exit 3 when a target is missed""";

	final BenchOptions common = new BenchOptions();

	int warmup = 50;

	int requests = 300;

	int clients = 32;

	Duration duration = Duration.ofSeconds(20);

	Duration throughputWarmup = Duration.ofSeconds(3);

	int authRequests = 1000;

	int authClients = 4;

	int rssRequests = 10_000;

	int rssClients = 8;

	Duration requestTimeout = Duration.ofSeconds(300);

	Path samples;

	static GatewayOptions parseOrExit(String[] args) {
		GatewayOptions o = new GatewayOptions();
		o.common.value("--warmup", (v) -> o.warmup = atLeast(0, v, "--warmup"))
			.value("--requests", (v) -> o.requests = atLeast(1, v, "--requests"))
			.value("--clients", (v) -> o.clients = atLeast(1, v, "--clients"))
			.value("--duration", (v) -> o.duration = seconds(1, v, "--duration"))
			.value("--throughput-warmup", (v) -> o.throughputWarmup = seconds(0, v, "--throughput-warmup"))
			.value("--auth-requests", (v) -> o.authRequests = atLeast(1, v, "--auth-requests"))
			.value("--auth-clients", (v) -> o.authClients = atLeast(1, v, "--auth-clients"))
			.value("--rss-requests", (v) -> o.rssRequests = atLeast(1, v, "--rss-requests"))
			.value("--rss-clients", (v) -> o.rssClients = atLeast(1, v, "--rss-clients"))
			.value("--timeout", (v) -> o.requestTimeout = seconds(1, v, "--timeout"))
			.value("--samples", (v) -> o.samples = Path.of(v));
		o.common.parseOrExit("GatewayBench", USAGE, args);
		return o;
	}

}
