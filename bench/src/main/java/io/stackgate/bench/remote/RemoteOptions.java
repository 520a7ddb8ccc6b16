package io.stackgate.bench.remote;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import io.stackgate.bench.support.BenchOptions;

import static io.stackgate.bench.support.BenchOptions.atLeast;
import static io.stackgate.bench.support.BenchOptions.seconds;

/** The remote-cloud benchmark's command line. */
final class RemoteOptions {

	static final String USAGE = """
			usage: bench/remote-cloud [--requests N] JAR...     (starts each jar in turn; see bench/remote-cloud --help)
			       RemoteCloudBench --url URL [options]         one running gateway
			       RemoteCloudBench --compare FILE [--compare FILE...]   the tables of earlier runs, and first/others
			  --url URL               the gateway, e.g. http://127.0.0.1:8080 (mode keystone)
			  --gateway-pid PID       the gateway's process: fail early if it dies before it is ready
			  --clouds-yaml PATH      default $OS_CLIENT_CONFIG_FILE
			  --cloud NAME            default $OS_CLOUD (devcloud-remote: the cloud behind devcloud/remote)
			  --label NAME            the gateway's name in the tables (default: its URL)
			  --results PATH          write the figures as JSON, for --compare
			  --requests N            1: measured GETs of one server per side, interleaved (200)
			  --warmup N              1: pairs before the measured ones, not counted (5)
			  --server NAME           1: the server read (vm1, a seed server of the project)
			  --launches N            2: launches per side, one at a time, interleaved (3)
			  --flavor NAME           2: (m1.nano, the smallest)
			  --image NAME            2: (cirros-fake-raw)
			  --network NAME          2: (private)
			  --launch-timeout S      2: longest a launch may take to reach ACTIVE (300)
			  --access-log PATH       4: the front's nginx access log (default: access.log beside the cloud's cacert)
			  --view-every S          4: seconds between the lists that keep the view alive (20)
			  --window-from S         4: the window, seconds after the first list (60)
			  --window-to S           4: (120)
			  --request-timeout S     longest a single request may take (60; a launch: --launch-timeout + 30)
			  --ready-timeout S       how long to wait for the gateway's readiness (180)
			  --check                 exit 3 when a target is missed
			  --help                  this text""";

	final BenchOptions common = new BenchOptions();

	final List<Path> compare = new ArrayList<>();

	String label;

	Path results;

	int requests = 200;

	int warmup = 5;

	String server = "vm1";

	int launches = 3;

	String flavor = "m1.nano";

	String image = "cirros-fake-raw";

	String network = "private";

	Duration launchTimeout = Duration.ofSeconds(300);

	Path accessLog;

	Duration viewEvery = Duration.ofSeconds(20);

	Duration windowFrom = Duration.ofSeconds(60);

	Duration windowTo = Duration.ofSeconds(120);

	Duration requestTimeout = Duration.ofSeconds(60);

	static RemoteOptions parseOrExit(String[] args) {
		RemoteOptions o = new RemoteOptions();
		o.common.value("--compare", (v) -> o.compare.add(Path.of(v)))
			.urlNotNeededWhen(() -> !o.compare.isEmpty())
			.value("--label", (v) -> o.label = v)
			.value("--results", (v) -> o.results = Path.of(v))
			.value("--requests", (v) -> o.requests = atLeast(1, v, "--requests"))
			.value("--warmup", (v) -> o.warmup = atLeast(0, v, "--warmup"))
			.value("--server", (v) -> o.server = v)
			.value("--launches", (v) -> o.launches = atLeast(0, v, "--launches"))
			.value("--flavor", (v) -> o.flavor = v)
			.value("--image", (v) -> o.image = v)
			.value("--network", (v) -> o.network = v)
			.value("--launch-timeout", (v) -> o.launchTimeout = seconds(1, v, "--launch-timeout"))
			.value("--access-log", (v) -> o.accessLog = Path.of(v))
			.value("--view-every", (v) -> o.viewEvery = seconds(1, v, "--view-every"))
			.value("--window-from", (v) -> o.windowFrom = seconds(0, v, "--window-from"))
			.value("--window-to", (v) -> o.windowTo = seconds(1, v, "--window-to"))
			.value("--request-timeout", (v) -> o.requestTimeout = seconds(1, v, "--request-timeout"));
		o.common.parseOrExit("RemoteCloudBench", USAGE, args);
		if (o.windowTo.compareTo(o.windowFrom) <= 0) {
			System.err.println("RemoteCloudBench: --window-to must be after --window-from");
			System.exit(2);
		}
		if (o.label == null && o.common.url() != null) {
			o.label = o.common.url().toString();
		}
		if (o.accessLog == null && o.common.cloud().caCert() != null) {
			o.accessLog = o.common.cloud().caCert().toAbsolutePath().resolveSibling("access.log");
		}
		return o;
	}

}
