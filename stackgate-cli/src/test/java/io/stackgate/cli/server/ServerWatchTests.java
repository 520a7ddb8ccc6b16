package io.stackgate.cli.server;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import io.stackgate.cli.command.ExitCode;
import io.stackgate.cli.support.CliRun;
import io.stackgate.cli.support.CliRun.Result;
import io.stackgate.cli.support.StubGateway;
import io.stackgate.cli.support.StubGateway.Response;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import static io.stackgate.cli.support.Fixtures.VM1_ID;
import static io.stackgate.cli.support.Fixtures.VM2_ID;
import static io.stackgate.cli.support.Fixtures.array;
import static io.stackgate.cli.support.Fixtures.server;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@code stackgate server list --watch} against a stub gateway that serves scripted event
 * streams.
 */
class ServerWatchTests {

	private static final String WATCH = "/api/v1/servers?watch=true";

	/**
	 * The list, then vm2 turning ACTIVE, then vm1 deleted, with a heartbeat between: then
	 * the stream ends.
	 */
	private static final String STREAM = event("e1-1", "list",
			array(server(VM1_ID, "vm1", "ACTIVE"), server(VM2_ID, "vm2", "BUILD"))) + ": heartbeat\n\n"
			+ event("e1-2", "changed", server(VM2_ID, "vm2", "ACTIVE"))
			+ event("e1-3", "deleted", server(VM1_ID, "vm1", "ACTIVE"));

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

	@Test
	void redrawsTheTableAtEachEventAndResumesAfterTheLastOneWhenTheStreamEnds() {
		this.gateway.on("GET", WATCH, stream(STREAM))
			.on("GET", WATCH, Response.problem(401, "Unauthorized", "The token has expired"));

		Result result = this.cli.run("server", "list", "--watch", "-f", "value", "-c", "Name", "-c", "Status");

		assertThat(result.out()).isEqualTo("vm1 ACTIVE\nvm2 BUILD\n\nvm1 ACTIVE\nvm2 ACTIVE\n\nvm2 ACTIVE\n\n");
		assertThat(result.err()).contains("The gateway ended the watch; resuming.").contains("The token has expired");
		assertThat(result.exitCode()).isEqualTo(ExitCode.AUTH);
		assertThat(this.gateway.requests()).hasSize(2);
		assertThat(this.gateway.requests().get(0).header("Accept")).startsWith("text/event-stream");
		assertThat(this.gateway.requests().get(0).header("Last-Event-ID")).isNull();
		assertThat(this.gateway.requests().get(1).header("Last-Event-ID")).isEqualTo("e1-3");
	}

	@Test
	void jsonPrintsOneEventPerLine() throws Exception {
		this.gateway.on("GET", WATCH + "&status=BUILD", stream(STREAM))
			.on("GET", WATCH + "&status=BUILD", Response.problem(403, "Forbidden", "Not allowed"));

		Result result = this.cli.run("server", "list", "--watch", "--status", "BUILD", "-f", "json");

		List<String> lines = result.out().lines().toList();
		assertThat(lines).as(result.toString()).hasSize(3);
		JsonMapper mapper = JsonMapper.builder().build();
		JsonNode list = mapper.readTree(lines.get(0));
		assertThat(list.path("event").asString()).isEqualTo("list");
		assertThat(list.path("id").asString()).isEqualTo("e1-1");
		assertThat(list.path("servers")).hasSize(2);
		JsonNode deleted = mapper.readTree(lines.get(2));
		assertThat(deleted.path("event").asString()).isEqualTo("deleted");
		assertThat(deleted.path("server").path("id").asString()).isEqualTo(VM1_ID);
		assertThat(result.exitCode()).isEqualTo(ExitCode.AUTH);
	}

	@Test
	void givesUpAfterThreeAttemptsInARowThatBringNoEvent() {
		this.gateway.on("GET", WATCH, Response.problem(503, "Service Unavailable", "Nova is down"));

		Result result = this.cli.run("server", "list", "--watch");

		assertThat(result.exitCode()).isEqualTo(ExitCode.UNAVAILABLE);
		assertThat(this.gateway.requests()).hasSize(ServerWatch.MAX_FAILURES);
		assertThat(result.err()).contains("The watch was interrupted").contains("Nova is down");
		assertThat(result.sleeps()).hasSize(ServerWatch.MAX_FAILURES - 1);
		assertThat(result.out()).isEmpty();
	}

	@Test
	void aWatchTakesNoPaging() {
		Result result = this.cli.run("server", "list", "--watch", "--limit", "5");

		assertThat(result.exitCode()).isEqualTo(ExitCode.USAGE);
		assertThat(result.err()).contains("--watch shows every matching server");
		assertThat(this.gateway.requests()).isEmpty();
	}

	private static String event(String id, String name, String data) {
		return "id: " + id + "\nevent: " + name + "\ndata: " + data.replace("\n", "\ndata: ") + "\n\n";
	}

	private static Response stream(String body) {
		return new Response(200, body, Map.of("Content-Type", "text/event-stream"));
	}

}
