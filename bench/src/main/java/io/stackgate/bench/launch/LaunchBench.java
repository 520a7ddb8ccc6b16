package io.stackgate.bench.launch;

import java.security.SecureRandom;
import java.util.HexFormat;

import io.stackgate.bench.support.BenchFailure;
import io.stackgate.bench.support.CloudLogin;
import io.stackgate.bench.support.Console;
import io.stackgate.bench.support.Http;

import static io.stackgate.bench.support.Console.log;

/**
 * Launch benchmark (issue 4): how long a server takes from launch to ACTIVE through the
 * Stackgate gateway, compared with Nova called directly, side by side in one run.
 * <ol>
 * <li>One launch at a time: {@code POST} then {@code GET} every {@code --poll} seconds
 * until ACTIVE, the same interval on both sides; after {@code --warmup} launches per side
 * that are not counted (a fresh gateway's first launch fills its caches),
 * {@code --rounds} rounds, gateway and direct interleaved (the side that goes first
 * alternates). Median time to ACTIVE per side and their ratio (target: gateway/direct
 * &lt;= 1.05).</li>
 * <li>{@code --concurrent} launches at once through the gateway (one client thread per
 * server, each POSTs one server and polls it to ACTIVE), then as many directly at Nova:
 * wall time until the last is ACTIVE, and a count in Nova of the servers with the batch's
 * name prefix, which must be exactly {@code --concurrent} (no duplicates).</li>
 * </ol>
 * Every server of a run is named {@code bench-<random>-...}. Between the parts and at the
 * end (also after a failure or on Ctrl-C) the bench deletes every server with the run's
 * prefix and waits until Nova no longer lists them.
 * <p>
 * Run by {@code bench/launch}, which builds the bench and starts a gateway; with
 * {@code --url} against a running one. Exit status: 0 done; 1 a launch failed, the
 * duplicates check failed, the clean-up did not finish or the set-up is wrong; 2 bad
 * arguments; 3 the ratio target was missed and {@code --check} was given.
 */
public final class LaunchBench {

	public static void main(String[] args) {
		LaunchBench bench = new LaunchBench(LaunchOptions.parseOrExit(args));
		int status;
		try {
			status = bench.run();
		}
		catch (BenchFailure ex) {
			System.out.flush();
			System.err.println();
			System.err.println("LaunchBench FAILED: " + ex.getMessage());
			status = 1;
		}
		System.exit(status);
	}

	private final LaunchOptions options;

	/** Every server this run creates has a name that starts with this. */
	private final String prefix = "bench-" + HexFormat.of().formatHex(new SecureRandom().generateSeed(3)) + "-";

	private final Http http;

	private final NovaSide nova;

	private final GatewaySide gateway;

	private final Cleanup cleanup;

	private final LaunchReport report = new LaunchReport();

	private final LoadSampler load = new LoadSampler();

	/** Set on Ctrl-C / SIGTERM: no new server is launched. */
	private volatile boolean stopping;

	/**
	 * Whether the final clean-up ran to its end; the shutdown hook cleans up otherwise.
	 */
	private volatile boolean cleanedUp;

	private LaunchBench(LaunchOptions options) {
		this.options = options;
		this.http = new Http(options.requestTimeout);
		this.nova = new NovaSide(this.http, new CloudLogin(this.http, options.common.cloud()));
		this.gateway = new GatewaySide(this.http, options);
		this.cleanup = new Cleanup(this.prefix, this.nova, this.gateway, options.cleanupTimeout);
	}

	private int run() {
		Console.logMachine(this.options.common, "; run prefix " + this.prefix);
		this.http.awaitReady(this.options.common.url(), this.options.common.readyTimeout(),
				this.options.common.gatewayPid());
		this.nova.login();
		this.nova.resolveTargets(this.options.flavor, this.options.image, this.options.network);
		log("nova %s: flavor %s = %s, image %s = %s, network %s = %s", this.nova.computeUrl, this.options.flavor,
				this.nova.flavorId, this.options.image, this.nova.imageId, this.options.network, this.nova.networkId);
		this.gateway.login();
		Runtime.getRuntime().addShutdownHook(new Thread(this::cleanUpOnExit, "launch-bench-cleanup"));
		Parts parts = new Parts(this.options, this.prefix, this.gateway, this.nova,
				new Launcher(this.options.poll, this.options.launchTimeout, () -> this.stopping), this.cleanup,
				this.report);
		this.load.start();
		boolean launchesOk;
		boolean cleanUpOk = false;
		try {
			parts.oneAtATime();
			this.cleanup.removeAll("after part 1");
			launchesOk = parts.concurrent();
		}
		finally {
			this.load.stop();
			try {
				this.cleanup.removeAll("at the end");
				cleanUpOk = true;
			}
			catch (BenchFailure ex) {
				System.err.println("LaunchBench: clean-up FAILED: " + ex.getMessage());
			}
			this.cleanedUp = true;
		}
		log("load average (1 min) sampled every 5 s during the run: %s; at the end %s", this.load.summary(),
				Console.loadAverage());
		this.report.print();
		if (!launchesOk || !cleanUpOk) {
			System.err.println("LaunchBench FAILED: "
					+ (launchesOk ? "" : "a concurrent launch failed or the duplicates check did not match")
					+ (launchesOk || cleanUpOk ? "" : "; ")
					+ (cleanUpOk ? "" : "servers of the run are left, see above"));
			return 1;
		}
		return (this.options.common.check() && !this.report.allTargetsMet()) ? 3 : 0;
	}

	/**
	 * Ctrl-C or SIGTERM while the bench runs: launch nothing more, and delete what the
	 * run created.
	 */
	private void cleanUpOnExit() {
		this.stopping = true;
		if (this.cleanedUp) {
			return;
		}
		System.err.println("LaunchBench: stopping; deleting the servers named " + this.prefix + "*");
		try {
			this.cleanup.removeAll("on exit");
		}
		catch (BenchFailure ex) {
			System.err.println("LaunchBench: clean-up FAILED: " + ex.getMessage());
		}
	}

}
