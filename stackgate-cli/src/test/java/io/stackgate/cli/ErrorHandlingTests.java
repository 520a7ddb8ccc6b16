package io.stackgate.cli;

import java.net.ServerSocket;
import java.nio.file.Path;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import io.stackgate.cli.support.CliRun;
import io.stackgate.cli.support.CliRun.Result;
import io.stackgate.cli.support.StubGateway;
import io.stackgate.cli.support.StubGateway.Response;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Every class of error: its exit code (docs/cli.md "Exit codes") and what stderr says. No
 * stack trace unless {@code --debug}.
 */
class ErrorHandlingTests {

	private StubGateway gateway;

	private CliRun cli;

	@BeforeEach
	void setUp(@TempDir Path configDir) throws Exception {
		this.gateway = new StubGateway();
		this.cli = new CliRun(configDir).env("STACKGATE_URL", this.gateway.url()).env("STACKGATE_TOKEN", "tok");
	}

	@AfterEach
	void tearDown() {
		this.gateway.close();
	}

	@ParameterizedTest(name = "HTTP {0} -> exit {1}")
	@CsvSource({ "400, 2, Bad Request", "422, 2, Invalid request", "401, 3, Unauthorized", "403, 3, Forbidden",
			"404, 4, Not Found", "409, 5, Conflict", "429, 5, Too Many Requests", "500, 6, Internal Server Error",
			"502, 6, Bad Gateway", "503, 6, Service Unavailable", "504, 6, Gateway Timeout",
			"405, 1, Method Not Allowed" })
	void problemStatusMapsToAnExitCode(int status, int exitCode, String title) {
		this.gateway.on("GET", "/api/v1/flavors", Response.problem(status, title, "It went wrong."));
		Result result = this.cli.run("flavor", "list");
		assertThat(result.exitCode()).as(result.toString()).isEqualTo(exitCode);
		assertThat(result.err()).startsWith("stackgate: " + title + ": It went wrong.\n");
		assertThat(result.err()).doesNotContain("Exception").doesNotContain("\tat ");
		assertThat(result.out()).isEmpty();
	}

	@Test
	void unauthenticatedSaysHowToLogIn() {
		this.gateway.on("GET", "/api/v1/flavors", Response.problem(401, "Unauthorized", "The token has expired."));
		Result result = this.cli.run("flavor", "list");
		assertThat(result.err()).isEqualTo("""
				stackgate: Unauthorized: The token has expired.
				  Log in with 'stackgate login', or set STACKGATE_TOKEN or STACKGATE_API_KEY.
				""");
	}

	@Test
	void upstreamFailureNamesTheServiceAndRequestIds() {
		this.gateway.on("GET", "/api/v1/images", Response.problemJson(502, """
				{"type":"https://stackgate.dev/problems/upstream-error","title":"Bad Gateway","status":502,
				 "detail":"Glance answered 500.","instance":"/api/v1/images","request_id":"req-gw-1",
				 "openstack_service":"image","upstream_status":500,"openstack_request_id":"req-glance-9"}"""));
		Result result = this.cli.run("image", "list");
		assertThat(result.exitCode()).isEqualTo(6);
		assertThat(result.err()).isEqualTo("""
				stackgate: Bad Gateway: Glance answered 500.
				  OpenStack image answered HTTP 500 (request req-glance-9)
				  Gateway request id: req-gw-1
				""");
	}

	@Test
	void errorPageThatIsNotAProblemStillReadsWell() {
		this.gateway.on("GET", "/api/v1/flavors", new Response(503, "<html><body>upstream down</body></html>",
				java.util.Map.of("Content-Type", "text/html")));
		Result result = this.cli.run("flavor", "list");
		assertThat(result.exitCode()).isEqualTo(6);
		assertThat(result.err()).isEqualTo("stackgate: Service Unavailable: GET /api/v1/flavors answered HTTP 503 "
				+ "without a problem description\n");
	}

	@Test
	void unreadableSuccessResponseIsAGatewayError() {
		this.gateway.on("GET", "/api/v1/flavors", Response.json(200, "{\"not\":\"a list\"}"));
		Result result = this.cli.run("flavor", "list");
		assertThat(result.exitCode()).isEqualTo(6);
		assertThat(result.err()).startsWith("stackgate: Unexpected response from the gateway (HTTP 200): ");
	}

	@Test
	void unreachableGatewayIsExitCodeSix() throws Exception {
		int port;
		try (ServerSocket socket = new ServerSocket(0)) {
			port = socket.getLocalPort();
		}
		Result result = this.cli.run("--url", "http://127.0.0.1:" + port, "server", "list");
		assertThat(result.exitCode()).isEqualTo(6);
		assertThat(result.err()).isEqualTo("stackgate: Cannot reach the gateway at http://127.0.0.1:" + port
				+ ": connection refused\n  Is the gateway running there? Choose it with --url or STACKGATE_URL.\n");
	}

	@Test
	void debugTracesRequestsAndPrintsTheStackTrace() {
		this.gateway.on("GET", "/api/v1/flavors", Response.problem(404, "Not Found", "No such route."));
		Result result = this.cli.run("flavor", "list", "--debug");
		assertThat(result.exitCode()).isEqualTo(4);
		assertThat(result.err()).contains("[debug] > GET " + this.gateway.url() + "/api/v1/flavors\n")
			.contains("[debug] < 404 Not Found (")
			.contains("io.stackgate.cli.client.ProblemException: Not Found: No such route.")
			.contains("\tat io.stackgate.cli.client.HttpTransport.send")
			.endsWith("stackgate: Not Found: No such route.\n")
			.doesNotContain("tok");
	}

	@Test
	void malformedUrlIsAUsageError() {
		Result result = this.cli.run("--url", "ftp://example", "flavor", "list");
		assertThat(result.exitCode()).isEqualTo(2);
		assertThat(result.err()).isEqualTo(
				"stackgate: Invalid gateway URL 'ftp://example': expected http://HOST[:PORT][/PATH] or https://...\n");
	}

	@Test
	void unknownCommandSuggestsTheClosestOne() {
		Result result = this.cli.run("server", "lst");
		assertThat(result.exitCode()).isEqualTo(2);
		assertThat(result.err()).contains("stackgate: Unmatched argument at index 1: 'lst'")
			.contains("Did you mean: server list?")
			.contains("Try 'stackgate server --help' for more information.");
	}

	@Test
	void groupWithoutSubcommandIsAUsageError() {
		Result result = this.cli.run("server");
		assertThat(result.exitCode()).isEqualTo(2);
		assertThat(result.err()).contains("Missing required subcommand");
	}

	@Test
	void noCommandPrintsUsageOnStderr() {
		Result result = this.cli.run();
		assertThat(result.exitCode()).isEqualTo(2);
		assertThat(result.err()).startsWith("Usage: stackgate ");
		assertThat(result.out()).isEmpty();
	}

	@Test
	void badFormatIsAUsageError() {
		Result result = this.cli.run("flavor", "list", "-f", "xml");
		assertThat(result.exitCode()).isEqualTo(2);
		assertThat(result.err()).contains("Invalid value for option '--format'");
		assertThat(this.gateway.requests()).isEmpty();
	}

	@Test
	void globalOptionsWorkAfterTheSubcommand() {
		this.gateway.on("GET", "/api/v1/flavors", Response.json(200, "[]"));
		Result result = new CliRun(Path.of("/nonexistent")).run("flavor", "list", "--url", this.gateway.url(),
				"--token", "t2");
		assertThat(result.exitCode()).as(result.toString()).isZero();
		assertThat(this.gateway.lastRequest().header("X-Auth-Token")).isEqualTo("t2");
	}

}
