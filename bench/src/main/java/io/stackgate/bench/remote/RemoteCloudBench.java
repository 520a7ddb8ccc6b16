package io.stackgate.bench.remote;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;

import io.stackgate.bench.support.BenchFailure;
import io.stackgate.bench.support.CloudLogin;
import io.stackgate.bench.support.Console;
import io.stackgate.bench.support.Http;
import io.stackgate.cloudconfig.CaCertificates;
import io.stackgate.cloudconfig.CloudConfig;

import static io.stackgate.bench.support.Console.log;

/**
 * Remote-cloud benchmark (issue 19): one gateway (mode {@code keystone}) in front of the
 * devcloud's remote front ({@code devcloud/remote up --delay-ms 20}: TLS with a CA of its
 * own, devstack's paths, a round trip added by a relay), against a keep-alive HTTPS
 * client calling the cloud directly through the same front with the same Keystone token.
 * In this order, so that nothing before a measure warms what it measures:
 * <ol start="3">
 * <li>{@code GET /api/v1/launch-options}, the first call once the gateway is ready (its
 * caches cold), then a second one;</li>
 * </ol>
 * <ol>
 * <li>{@code GET /api/v1/servers/{id}} against Nova's {@code GET /servers/{id}}: p50, p90
 * and the ratio of the p50s (target &lt;= 1.2), see {@link ServerReads};</li>
 * <li>a launch with {@code wait=true} against a launch polled at Nova, see
 * {@link Launches};</li>
 * </ol>
 * <ol start="4">
 * <li>the connections a live view opens per minute, counted in the front's access log
 * (target &lt;= 2 per service), see {@link ViewConnections}.</li>
 * </ol>
 * A failed section ends that section, not the run. {@code --compare} prints the tables of
 * earlier runs and the first gateway's figures divided by the others'.
 * <p>
 * Run by {@code bench/remote-cloud}, which builds the bench and starts each jar in turn.
 * Exit status: 0 done, 1 a section failed or the set-up is wrong (the table is still
 * printed), 2 bad arguments, 3 a target was missed and {@code --check} was given.
 */
public final class RemoteCloudBench {

	public static void main(String[] args) {
		RemoteOptions options = RemoteOptions.parseOrExit(args);
		try {
			List<RemoteResults> runs = options.compare.isEmpty() ? List.of(new RemoteCloudBench(options).run())
					: options.compare.stream().map(RemoteResults::read).toList();
			if (!options.compare.isEmpty()) {
				runs.forEach((run) -> run.print(System.out));
				if (runs.size() > 1) {
					Comparison.print(runs, System.out);
				}
			}
			boolean failed = runs.stream().anyMatch(RemoteResults::hasFailures);
			boolean met = runs.stream().allMatch(RemoteResults::allTargetsMet);
			System.exit(failed ? 1 : (options.common.check() && !met) ? 3 : 0);
		}
		catch (BenchFailure ex) {
			System.out.flush();
			System.err.println();
			System.err.println("RemoteCloudBench FAILED: " + ex.getMessage());
			System.exit(1);
		}
	}

	private final RemoteOptions options;

	private final RemoteResults results;

	private RemoteCloudBench(RemoteOptions options) {
		this.options = options;
		this.results = new RemoteResults(options.label);
	}

	private RemoteResults run() {
		CloudConfig cloud = this.options.common.cloud();
		Console.require(cloud.verify(), "%s is insecure: the bench verifies the front's certificate (cacert)",
				cloud.source());
		Console.require(this.options.accessLog != null, "no --access-log, and no cacert to find it beside");
		Console.logMachine(this.options.common, " (" + this.options.label + ")");
		AccessLog accessLog = new AccessLog(this.options.accessLog);
		long since = accessLog.mark();
		Http frontHttp = new Http(this.options.requestTimeout,
				(cloud.caCert() != null) ? CaCertificates.sslContext(cloud.caCert()) : null);
		Front front = new Front(frontHttp, new CloudLogin(frontHttp, cloud));
		front.login();
		log("keystone %s, nova %s (cloud %s, CA %s), front delay %s", cloud.authUrl(), front.computeUrl(),
				cloud.source(), cloud.caCert(), frontDelay());
		fact("machine", Runtime.getRuntime().availableProcessors() + " CPUs");
		fact("started", Instant.now() + ", load average " + Console.loadAverage());
		fact("front", front.computeUrl() + ", round trip added by the relay: " + frontDelay());
		Http gatewayHttp = new Http(this.options.requestTimeout);
		gatewayHttp.awaitReady(this.options.common.url(), this.options.common.readyTimeout(),
				this.options.common.gatewayPid());
		GatewayApi gateway = new GatewayApi(gatewayHttp, this.options.common.url(), front.token());
		section("3", "launch options, cold", () -> coldLaunchOptions(gateway));
		section("1", "GET a server", () -> new ServerReads(this.options, gateway, front, accessLog).run(this.results));
		Launches launches = new Launches(this.options, gateway, front);
		Thread cleanup = new Thread(() -> cleanUp(launches), "remote-bench-cleanup");
		Runtime.getRuntime().addShutdownHook(cleanup);
		section("2", "launches", () -> launches.run(this.results));
		section("2", "clean-up of the launched servers", launches::removeAll);
		Runtime.getRuntime().removeShutdownHook(cleanup);
		section("4", "live view connections",
				() -> new ViewConnections(this.options, gateway, accessLog).run(this.results, since));
		fact("finished", Instant.now() + ", load average " + Console.loadAverage());
		this.results.print(System.out);
		if (this.options.results != null) {
			this.results.write(this.options.results);
		}
		return this.results;
	}

	/**
	 * 3. The first call once the gateway is ready: flavors, images and networks not
	 * cached yet, the caller's token not validated yet.
	 */
	private void coldLaunchOptions(GatewayApi gateway) {
		double[] millis = new double[2];
		for (int i = 0; i < 2; i++) {
			long start = System.nanoTime();
			var response = gateway.get("/api/v1/launch-options");
			millis[i] = (System.nanoTime() - start) / 1e6;
			Http.expect(response, 200);
		}
		log("3. launch-options: first call after ready %.0f ms, second %.0f ms", millis[0], millis[1]);
		this.results.figure("3.cold", millis[0]);
		this.results.figure("3.second", millis[1]);
	}

	/** Ctrl-C or SIGTERM during the launches: delete what the run created. */
	private static void cleanUp(Launches launches) {
		System.err.println("RemoteCloudBench: stopping; deleting the servers named " + launches.prefix() + "*");
		launches.stop();
		try {
			launches.removeAll();
		}
		catch (BenchFailure ex) {
			System.err.println("RemoteCloudBench: clean-up FAILED: " + ex.getMessage());
		}
	}

	/**
	 * @return the relay's delay as {@code devcloud/remote} recorded it beside the access
	 * log
	 */
	private String frontDelay() {
		Path file = this.options.accessLog.resolveSibling("delay-ms");
		try {
			return Files.readString(file).trim() + " ms (" + file + ")";
		}
		catch (IOException ex) {
			return "unknown (no " + file + ")";
		}
	}

	private void fact(String name, String value) {
		this.results.fact(name, value);
	}

	/**
	 * A failed section ends that section, not the run: the table shows what was measured.
	 */
	private void section(String number, String name, Runnable body) {
		try {
			body.run();
		}
		catch (BenchFailure ex) {
			log("   FAILED: %s", ex.getMessage());
			this.results.failed(number, name, ex.getMessage());
		}
	}

}
