package io.stackgate.bench.gateway;

import java.util.List;
import java.util.function.IntSupplier;
import java.util.stream.Collectors;

import io.stackgate.bench.support.BenchFailure;
import io.stackgate.bench.support.CloudLogin;
import io.stackgate.bench.support.Console;
import io.stackgate.bench.support.Http;
import io.stackgate.bench.support.Json;
import tools.jackson.databind.JsonNode;

import static io.stackgate.bench.support.Console.log;
import static io.stackgate.bench.support.Console.require;

/**
 * Stackgate performance benchmark: the gateway against the OpenStack calls it replaces,
 * side by side in one run.
 * <p>
 * Run by {@code bench/run}, which builds the bench and starts a gateway; with
 * {@code --url} against a running one. Exit status: 0 done, 1 a request failed or the
 * set-up is wrong, 2 bad arguments, 3 a target was missed and {@code --check} was given.
 */
public final class GatewayBench {

	public static void main(String[] args) {
		GatewayOptions options = GatewayOptions.parseOrExit(args);
		try {
			GatewayReport report = new GatewayBench(options).run();
			report.print(System.out);
			if (report.hasFailures()) {
				System.exit(1);
			}
			System.exit(options.common.check() && !report.allTargetsMet() ? 3 : 0);
		}
		catch (BenchFailure ex) {
			System.out.flush();
			System.err.println();
			System.err.println("GatewayBench FAILED: " + ex.getMessage());
			System.exit(1);
		}
	}

	private final GatewayOptions options;

	private final Http http;

	private final Sessions sessions;

	private final Gateway gateway;

	private final GatewayReport report = new GatewayReport();

	private GatewayBench(GatewayOptions options) {
		this.options = options;
		this.http = new Http(options.requestTimeout);
		this.sessions = new Sessions(new CloudLogin(this.http, options.common.cloud()));
		this.gateway = new Gateway(this.http, options.common.url(), this.sessions);
	}

	private GatewayReport run() {
		Console.logMachine(this.options.common, "");
		this.http.awaitReady(this.options.common.url(), this.options.common.readyTimeout(),
				this.options.common.gatewayPid());
		CloudLogin.Session session = this.sessions.session();
		log("keystone %s: token for project %s; nova %s, glance %s, neutron %s", this.sessions.login.authUrl(),
				session.projectId(), session.compute(), session.image(), session.network());
		Direct direct = new Direct(this.http, this.sessions);
		preflight(direct);
		Sections sections = new Sections(this.options, this.gateway, direct, this.report);
		long rssAtStart = sections.rssKiB();
		section("1", "servers latency", sections::serversLatency);
		section("2", "launch-options throughput", sections::launchOptionsThroughput);
		section("3", "keystone authentications", sections::keystoneAuthentications);
		section("4", "gateway RSS", () -> sections.memory(rssAtStart));
		log("load average at the end: %s", Console.loadAverage());
		return this.report;
	}

	/**
	 * Runs one section. A failed request ends the section, not the run: the table shows
	 * what was measured and the exit status says that something failed.
	 */
	private void section(String number, String name, Runnable body) {
		try {
			body.run();
		}
		catch (BenchFailure ex) {
			log("   FAILED: %s", ex.getMessage());
			this.report.failed(number, name, ex.getMessage());
		}
	}

	/** Both sides answer, and with the same data. */
	private void preflight(Direct direct) {
		List<JsonNode> servers = Json.list(Json.field(Json.read(direct.servers()), "servers"));
		log("servers: %d (%s)", servers.size(), names(servers));
		sameCount("servers", () -> Json.list(Json.read(this.gateway.get("/api/v1/servers"))).size(),
				() -> count(direct.servers(), "servers"));

		List<String> upstream = Http.await(direct.launchOptions());
		require(!Json.read(upstream.get(1)).has("next"),
				"Glance answered more than one page of images; the direct side would be short");
		JsonNode options = Json.read(this.gateway.get("/api/v1/launch-options"));
		log("launch options: %d flavors, %d images, %d networks (%d attachable), %d subnets",
				count(upstream.get(0), "flavors"), count(upstream.get(1), "images"), count(upstream.get(2), "networks"),
				Json.list(Json.field(options, "networks")).size(), count(upstream.get(3), "subnets"));
		sameCount("flavors", () -> Json.list(Json.field(options, "flavors")).size(),
				() -> count(upstream.get(0), "flavors"));
		sameCount("images", () -> Json.list(Json.field(options, "images")).size(),
				() -> count(upstream.get(1), "images"));
	}

	private static int count(String json, String member) {
		return Json.list(Json.field(Json.read(json), member)).size();
	}

	/**
	 * Checks that both sides serve the same data. Other people's tests may create servers
	 * in the project meanwhile, so a difference is asked again and, if it stays, only
	 * warned about.
	 */
	private static void sameCount(String what, IntSupplier viaGateway, IntSupplier direct) {
		int gw = 0;
		int os = 0;
		for (int attempt = 0; attempt < 3; attempt++) {
			gw = viaGateway.getAsInt();
			os = direct.getAsInt();
			if (gw == os) {
				return;
			}
		}
		log("   WARNING: the gateway serves %d %s, OpenStack %d (is the project changing under the bench?)", gw, what,
				os);
	}

	private static String names(List<JsonNode> servers) {
		return servers.stream().map((s) -> Json.string(s, "name")).sorted().collect(Collectors.joining(", "));
	}

}
