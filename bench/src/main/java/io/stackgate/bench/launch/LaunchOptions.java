package io.stackgate.bench.launch;

import java.time.Duration;

import io.stackgate.bench.support.BenchOptions;

import static io.stackgate.bench.support.BenchOptions.atLeast;
import static io.stackgate.bench.support.BenchOptions.seconds;

/** The launch benchmark's command line. */
final class LaunchOptions {

	static final String USAGE = """
			usage: bench/launch [--url URL] [options]   (without --url, bench/launch starts a gateway for you)
			  --url URL               the gateway, e.g. http://127.0.0.1:8080 (required)
			  --gateway-pid PID       the gateway's process: fail early if it dies before it is ready
			  --clouds-yaml PATH      default $OS_CLIENT_CONFIG_FILE
			  --cloud NAME            default $OS_CLOUD
			  --warmup N              part 1: launches per side before the measured ones, not counted (1)
			  --rounds N              part 1: measured launches per side, one at a time, interleaved (5)
			  --poll S                seconds between status GETs, both sides (1; decimals allowed)
			  --concurrent N          part 2: launches at once per side (20; 0 skips part 2)
			  --flavor NAME           (m1.nano)
			  --image NAME            (cirros-fake-raw)
			  --network NAME          (private)
			  --launch-timeout S      longest a launch may take to reach ACTIVE (600)
			  --cleanup-timeout S     longest the deleted servers may take to disappear (900)
			  --request-timeout S     longest a single HTTP request may take (300)
			  --ready-timeout S       how long to wait for the gateway's readiness (180)
			  --check                 exit 3 when the part 1 ratio misses its target
			  --help                  this text""";

	final BenchOptions common = new BenchOptions();

	int warmup = 1;

	int rounds = 5;

	Duration poll = Duration.ofSeconds(1);

	int concurrent = 20;

	String flavor = "m1.nano";

	String image = "cirros-fake-raw";

	String network = "private";

	Duration launchTimeout = Duration.ofSeconds(600);

	Duration cleanupTimeout = Duration.ofSeconds(900);

	Duration requestTimeout = Duration.ofSeconds(300);

	static LaunchOptions parseOrExit(String[] args) {
		LaunchOptions o = new LaunchOptions();
		o.common.value("--warmup", (v) -> o.warmup = atLeast(0, v, "--warmup"))
			.value("--rounds", (v) -> o.rounds = atLeast(1, v, "--rounds"))
			.value("--poll", (v) -> o.poll = pollInterval(v))
			.value("--concurrent", (v) -> o.concurrent = atLeast(0, v, "--concurrent"))
			.value("--flavor", (v) -> o.flavor = v)
			.value("--image", (v) -> o.image = v)
			.value("--network", (v) -> o.network = v)
			.value("--launch-timeout", (v) -> o.launchTimeout = seconds(1, v, "--launch-timeout"))
			.value("--cleanup-timeout", (v) -> o.cleanupTimeout = seconds(1, v, "--cleanup-timeout"))
			.value("--request-timeout", (v) -> o.requestTimeout = seconds(1, v, "--request-timeout"));
		o.common.parseOrExit("LaunchBench", USAGE, args);
		return o;
	}

	private static Duration pollInterval(String value) {
		try {
			long millis = Math.round(Double.parseDouble(value) * 1000);
			if (millis >= 10) {
				return Duration.ofMillis(millis);
			}
		}
		catch (NumberFormatException ex) {
			// reported below
		}
		throw new IllegalArgumentException("--poll takes seconds, at least 0.01, not '" + value + "'");
	}

}
