package io.stackgate.bench.list;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import io.stackgate.bench.support.BenchFailure;
import io.stackgate.bench.support.CloudLogin;
import io.stackgate.bench.support.Console;
import io.stackgate.bench.support.Http;
import io.stackgate.bench.support.Json;
import io.stackgate.bench.support.Load;
import io.stackgate.bench.support.Proc;
import tools.jackson.databind.JsonNode;

import static io.stackgate.bench.support.Console.log;

/**
 * Server-list benchmark (issue 14): one project with {@code --servers} servers (seeded
 * when it has fewer), and
 * <ol>
 * <li>the whole list, gateway against Nova {@code servers/detail}, interleaved: p50, p99,
 * ratio (target &lt;= 0.05);
 * <li>staleness: renames made directly at Nova until the gateway's list shows them: p50,
 * p99 (target &lt;= 2 s);
 * <li>the Nova requests per minute that {@code --clients} clients polling every
 * {@code --interval} seconds cause, through the gateway and directly, counted in
 * nova-api's log;
 * <li>the gateway's RSS with the whole project's list loaded.
 * </ol>
 * The seeded servers stay (seeding takes minutes); {@code --cleanup} deletes every server
 * of the project.
 * <p>
 * Run by {@code bench/list}, which builds the bench, sets up the project and starts a
 * gateway; with {@code --url} against a running one. Exit status: 0 done, 1 a section
 * failed or the set-up is wrong (the table is still printed), 2 bad arguments, 3 a target
 * was missed and {@code --check} was given.
 */
public final class ListBench {

	public static void main(String[] args) {
		ListOptions options = ListOptions.parseOrExit(args);
		try {
			if (options.cleanup) {
				new ListBench(options).cleanup();
				System.exit(0);
			}
			ListReport report = new ListBench(options).run();
			report.print(System.out);
			if (options.report != null) {
				report.write(options.report);
			}
			if (report.hasFailures()) {
				System.exit(1);
			}
			System.exit(options.common.check() && !report.allTargetsMet() ? 3 : 0);
		}
		catch (BenchFailure ex) {
			System.out.flush();
			System.err.println();
			System.err.println("ListBench FAILED: " + ex.getMessage());
			System.exit(1);
		}
	}

	private final ListOptions options;

	private final Http http;

	private final CloudLogin login;

	private final NovaServers nova;

	private final ListReport report = new ListReport();

	private ListBench(ListOptions options) {
		this.options = options;
		this.http = new Http(options.requestTimeout);
		this.login = new CloudLogin(this.http, options.common.cloud());
		this.nova = new NovaServers(this.http, this.login);
	}

	private ListReport run() {
		Console.logMachine(this.options.common, "");
		this.report.fact("started", Instant.now().toString());
		this.report.fact("machine", Runtime.getRuntime().availableProcessors() + " CPUs, load average "
				+ Console.loadAverage() + " at the start");
		this.nova.login();
		log("keystone %s, project %s (cloud user %s); nova %s", this.login.authUrl(), this.nova.projectId(),
				this.options.common.cloud().username(), this.nova.computeUrl());
		ServiceLog novaLog = (this.options.novaLog != null)
				? new ServiceLog(this.options.novaLog, this.nova.projectId()) : null;
		ServiceLog neutronLog = (this.options.neutronLog != null)
				? new ServiceLog(this.options.neutronLog, this.nova.projectId()) : null;
		List<JsonNode> servers = new Seeder(this.options, this.nova).seed();
		this.report.fact("project", this.nova.projectId() + " (" + this.options.common.cloud().projectName() + ")");
		this.report.fact("servers", servers.size() + ": " + Seeder.mix(servers));
		this.http.awaitReady(this.options.common.url(), this.options.common.readyTimeout(),
				this.options.common.gatewayPid());
		GatewayServers gateway = new GatewayServers(this.http, this.login, this.options.common.url());
		gateway.login();
		section("1", "whole list", () -> new WholeList(this.options, gateway, this.nova, this.report).run());
		section("2", "staleness", () -> new Staleness(this.options, gateway, this.nova, this.report).run(servers));
		section("3", "Nova requests of polling clients", () -> polling(novaLog, neutronLog));
		section("4", "gateway RSS", this::memory);
		this.report.fact("finished", Instant.now().toString() + ", load average " + Console.loadAverage());
		return this.report;
	}

	private void polling(ServiceLog novaLog, ServiceLog neutronLog) {
		Console.require(novaLog != null, "--nova-log is needed to count Nova's requests (bench/list passes it)");
		log("3. polling: %d clients per side, every %d s, %d s per side; requests counted in %s", this.options.clients,
				this.options.interval.toSeconds(), this.options.duration.toSeconds(), novaLog.file());
		// The polling clients give up after --poll-timeout, as the gateway gives up on
		// Nova after its read timeout.
		Http polls = new Http(this.options.pollTimeout);
		GatewayServers gatewayPolls = new GatewayServers(polls, this.login, this.options.common.url());
		NovaServers novaPolls = new NovaServers(polls, this.login);
		gatewayPolls.login();
		novaPolls.login();
		Polling polling = new Polling(this.options, novaLog, neutronLog);
		Polling.Window gw = polling.window("gateway", gatewayPolls::list);
		String clients = this.options.clients + " clients every " + this.options.interval.toSeconds() + " s";
		if (this.options.skipDirectPolling) {
			this.report.single("3", "Nova requests/min, " + clients + " (direct side not run)", gw.novaPerMinute(),
					null, null);
			this.report.note("3", "polls answered / wanted (failed)", answered(gw), "-");
			this.report.note("3", "poll p50 (ms)", p50(gw), "-");
			this.report.figure("polling", Map.of("gateway", gw));
			return;
		}
		Polling.Window os = polling.window("direct", novaPolls::detail);
		this.report.ratio("3", "Nova requests/min, " + clients, gw.novaPerMinute(), os.novaPerMinute(), null, null);
		if (neutronLog != null) {
			this.report.ratio("3", "Neutron requests/min, " + clients, gw.neutronPerMinute(), os.neutronPerMinute(),
					null, null);
		}
		this.report.note("3", "polls answered / wanted (failed)", answered(gw), answered(os));
		this.report.note("3", "poll p50 (ms)", p50(gw), p50(os));
		this.report.figure("polling", Map.of("gateway", gw, "direct", os));
	}

	private static String answered(Polling.Window window) {
		return window.answered() + " / " + window.wanted() + " (" + window.failed() + ")";
	}

	private static String p50(Polling.Window window) {
		return (window.latency() != null) ? String.format(Locale.ROOT, "%.0f", window.latency().p50()) : "n/a";
	}

	/**
	 * 4. the gateway's memory now: it has served the whole list of the project many
	 * times, and keeps any view.
	 */
	private void memory() {
		long pid = this.options.common.gatewayPid();
		if (pid <= 0) {
			this.report.note("4", "gateway RSS (MiB)", "n/a (no --gateway-pid)", "-");
			return;
		}
		long rss = Proc.statusKiB(pid, "VmRSS");
		long peak = Proc.statusKiB(pid, "VmHWM");
		log("4. gateway RSS %.0f MiB, peak %.0f MiB", Proc.mib(rss), Proc.mib(peak));
		this.report.note("4", "gateway RSS with the whole list loaded (MiB)",
				String.format(Locale.ROOT, "%.0f (peak %.0f)", Proc.mib(rss), Proc.mib(peak)), "-");
		this.report.figure("gatewayRssKiB", Map.of("rss", rss, "peak", peak));
	}

	/**
	 * A failed section ends that section, not the run: the table shows what was measured.
	 */
	private void section(String number, String name, Runnable body) {
		if (!this.options.sections.contains(number)) {
			return;
		}
		try {
			body.run();
		}
		catch (BenchFailure ex) {
			log("   FAILED: %s", ex.getMessage());
			this.report.failed(number, name, ex.getMessage());
		}
	}

	/**
	 * {@code --cleanup}: deletes every server of the project, 8 at a time, and waits
	 * until Nova lists none.
	 */
	private void cleanup() {
		this.nova.login();
		List<JsonNode> servers = this.nova.detail().servers();
		log("deleting the %d servers of project %s (%s)", servers.size(), this.nova.projectId(),
				this.options.common.cloud().projectName());
		long start = System.nanoTime();
		long deadline = start + this.options.seedTimeout.toNanos();
		while (!servers.isEmpty()) {
			// A server Nova is deleting already needs no second DELETE.
			List<String> ids = servers.stream()
				.filter((s) -> !"deleting".equals(s.path("OS-EXT-STS:task_state").asString(null)))
				.map((s) -> Json.string(s, "id"))
				.toList();
			Load.fixedCount(8, ids.size(), (i) -> this.nova.delete(ids.get(i)));
			Console.require(System.nanoTime() < deadline, "%d servers still there after %d s (--seed-timeout)",
					servers.size(), this.options.seedTimeout.toSeconds());
			Console.sleep(Duration.ofSeconds(10));
			servers = this.nova.detail().servers();
			log("   %d left", servers.size());
		}
		log("all gone after %.0f s", (System.nanoTime() - start) / 1e9);
	}

}
