package io.stackgate.bench.list;

import java.nio.file.Path;
import java.time.Duration;
import java.util.Set;

import io.stackgate.bench.support.BenchOptions;

import static io.stackgate.bench.support.BenchOptions.atLeast;
import static io.stackgate.bench.support.BenchOptions.seconds;

/** The server-list benchmark's command line. */
final class ListOptions {

	static final String USAGE = """
			usage: bench/list [--url URL] [options]   (without --url, bench/list starts a gateway for you)
			       bench/list --cleanup               deletes every server of the project, and nothing else
			  --url URL               the gateway, e.g. http://127.0.0.1:8080 (required unless --cleanup)
			  --gateway-pid PID       the gateway's process, for its RSS (section 5)
			  --clouds-yaml PATH      default $OS_CLIENT_CONFIG_FILE
			  --cloud NAME            default $OS_CLOUD (bench/list: the project of bench/list-project)
			  --servers N             servers the project must have; seeded when it has fewer (1000)
			  --active N              of them, built ACTIVE with an address, when seeding (40)
			  --batch N               servers per seeding POST (min_count = max_count; 250)
			  --flavor NAME           flavor of the ACTIVE ones (m1.nano)
			  --error-flavor NAME     flavor no host can take: the others go to ERROR at once (bench.nohost)
			  --image NAME            (cirros-fake-raw)
			  --network NAME          (bench-net)
			  --seed-timeout S        longest the seeded servers may stay in BUILD (1800)
			  --warmup N              1: whole-list pairs before the measured ones (2)
			  --rounds N              1: measured whole-list pairs, gateway and Nova interleaved (20)
			  --renames N             2: servers renamed directly at Nova (60)
			  --rename-every S        2: seconds between two renames (1)
			  --staleness-timeout S   2: wait after the last rename for the ones not seen yet (30)
			  --clients N             3: polling clients per side (32)
			  --interval S            3: seconds between one client's polls (2)
			  --duration S            3: seconds of polling per side (60)
			  --poll-timeout S        3: longest one poll may take, both sides (30, the gateway's upstream read timeout)
			  --skip-direct-polling   3: poll only through the gateway (the direct side saturates a small Nova for minutes)
			  --nova-log PATH         3: nova-api's log, where the Nova requests are counted (required for 3)
			  --neutron-log PATH      3: neutron-server's log, to count Neutron requests too (optional)
			  --sections LIST         which sections to run, e.g. 1,2 or 3,4 (1,2,3,4)
			  --report PREFIX         write the results to PREFIX.json and PREFIX.md
			  --timeout S             longest a single request may take (300)
			  --ready-timeout S       how long to wait for the gateway's readiness (180)
			  --check                 exit 3 when a target is missed""";

	final BenchOptions common = new BenchOptions();

	boolean cleanup;

	boolean skipDirectPolling;

	int servers = 1000;

	int active = 40;

	int batch = 250;

	String flavor = "m1.nano";

	String errorFlavor = "bench.nohost";

	String image = "cirros-fake-raw";

	String network = "bench-net";

	Duration seedTimeout = Duration.ofSeconds(1800);

	int warmup = 2;

	int rounds = 20;

	int renames = 60;

	Duration renameEvery = Duration.ofSeconds(1);

	Duration stalenessTimeout = Duration.ofSeconds(30);

	int clients = 32;

	Duration interval = Duration.ofSeconds(2);

	Duration duration = Duration.ofSeconds(60);

	Duration pollTimeout = Duration.ofSeconds(30);

	Set<String> sections = Set.of("1", "2", "3", "4");

	Path novaLog;

	Path neutronLog;

	Path report;

	Duration requestTimeout = Duration.ofSeconds(300);

	static ListOptions parseOrExit(String[] args) {
		ListOptions o = new ListOptions();
		o.common.flag("--cleanup", () -> o.cleanup = true)
			.urlNotNeededWhen(() -> o.cleanup)
			.flag("--skip-direct-polling", () -> o.skipDirectPolling = true)
			.value("--servers", (v) -> o.servers = atLeast(1, v, "--servers"))
			.value("--active", (v) -> o.active = atLeast(0, v, "--active"))
			.value("--batch", (v) -> o.batch = atLeast(1, v, "--batch"))
			.value("--flavor", (v) -> o.flavor = v)
			.value("--error-flavor", (v) -> o.errorFlavor = v)
			.value("--image", (v) -> o.image = v)
			.value("--network", (v) -> o.network = v)
			.value("--seed-timeout", (v) -> o.seedTimeout = seconds(1, v, "--seed-timeout"))
			.value("--warmup", (v) -> o.warmup = atLeast(0, v, "--warmup"))
			.value("--rounds", (v) -> o.rounds = atLeast(1, v, "--rounds"))
			.value("--renames", (v) -> o.renames = atLeast(1, v, "--renames"))
			.value("--rename-every", (v) -> o.renameEvery = seconds(0, v, "--rename-every"))
			.value("--staleness-timeout", (v) -> o.stalenessTimeout = seconds(1, v, "--staleness-timeout"))
			.value("--clients", (v) -> o.clients = atLeast(1, v, "--clients"))
			.value("--interval", (v) -> o.interval = seconds(1, v, "--interval"))
			.value("--duration", (v) -> o.duration = seconds(1, v, "--duration"))
			.value("--poll-timeout", (v) -> o.pollTimeout = seconds(1, v, "--poll-timeout"))
			.value("--sections", (v) -> o.sections = sections(v))
			.value("--nova-log", (v) -> o.novaLog = Path.of(v))
			.value("--neutron-log", (v) -> o.neutronLog = Path.of(v))
			.value("--report", (v) -> o.report = Path.of(v))
			.value("--timeout", (v) -> o.requestTimeout = seconds(1, v, "--timeout"));
		o.common.parseOrExit("ListBench", USAGE, args);
		return o;
	}

	private static Set<String> sections(String value) {
		Set<String> sections = Set.of(value.split(","));
		if (sections.isEmpty() || !Set.of("1", "2", "3", "4").containsAll(sections)) {
			throw new IllegalArgumentException("--sections takes some of 1,2,3,4, not '" + value + "'");
		}
		return sections;
	}

}
