package io.stackgate.cli.server;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

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
import tools.jackson.databind.json.JsonMapper;

import static io.stackgate.cli.support.Fixtures.VM1_ID;
import static io.stackgate.cli.support.Fixtures.VM2_ID;
import static io.stackgate.cli.support.Fixtures.array;
import static io.stackgate.cli.support.Fixtures.errorServer;
import static io.stackgate.cli.support.Fixtures.server;
import static org.assertj.core.api.Assertions.assertThat;

class ServerCreateCommandTests {

	private static final String[] CREATE_VM1 = { "server", "create", "vm1", "--flavor", "m1.nano", "--image",
			"cirros-fake-raw", "--network", "private" };

	private StubGateway gateway;

	private CliRun cli;

	@TempDir
	Path dir;

	@BeforeEach
	void setUp() throws Exception {
		this.gateway = new StubGateway();
		this.cli = new CliRun(this.dir.resolve("config")).env("STACKGATE_URL", this.gateway.url())
			.env("STACKGATE_TOKEN", "tok");
	}

	@AfterEach
	void tearDown() {
		this.gateway.close();
	}

	@Test
	void sendsTheRequestWithAnIdempotencyKey() throws Exception {
		Path userData = Files.writeString(this.dir.resolve("cloud-init.yaml"), "#cloud-config\npackages: [htop]\n");
		this.gateway.on("POST", "/api/v1/servers", Response.json(202, array(server(VM1_ID, "vm1", "BUILD"))));
		Result result = this.cli.run(concat(CREATE_VM1, "--network", "public", "--key-name", "mykey",
				"--security-group", "default", "--security-group", "web", "--user-data", userData.toString(),
				"--availability-zone", "nova", "--property", "role=web", "-f", "value", "-c", "status"));
		assertThat(result.exitCode()).as(result.toString()).isZero();
		assertThat(result.out()).isEqualTo("BUILD\n");
		StubGateway.Request request = this.gateway.lastRequest();
		assertThat(request.header("Idempotency-Key")).matches("[0-9a-f-]{36}");
		assertThat(request.header("Content-Type")).isEqualTo("application/json");
		Map<?, ?> body = JsonMapper.builder().build().readValue(request.body(), Map.class);
		assertThat(body).isEqualTo(Map.of("name", "vm1", "flavor", "m1.nano", "image", "cirros-fake-raw", "networks",
				List.of("private", "public"), "key_name", "mykey", "security_groups", List.of("default", "web"),
				"user_data", "#cloud-config\npackages: [htop]\n", "availability_zone", "nova", "metadata",
				Map.of("role", "web"), "count", 1));
	}

	@Test
	void everyCreateHasAFreshIdempotencyKey() {
		this.gateway.on("POST", "/api/v1/servers", Response.json(202, array(server(VM1_ID, "vm1", "BUILD"))));
		this.cli.run(CREATE_VM1);
		this.cli.run(CREATE_VM1);
		assertThat(this.gateway.requests().get(0).header("Idempotency-Key"))
			.isNotEqualTo(this.gateway.requests().get(1).header("Idempotency-Key"));
	}

	@Test
	void missingRequiredOptionsAreUsageErrors() {
		Result result = this.cli.run("server", "create", "vm1", "--flavor", "m1.nano");
		assertThat(result.exitCode()).isEqualTo(2);
		assertThat(result.err()).contains("Missing required options: '--image=IMAGE', '--network=NETWORK'")
			.contains("Try 'stackgate server create --help' for more information.");
		assertThat(this.gateway.requests()).isEmpty();
	}

	@Test
	void unreadableUserDataIsAUsageError() {
		Result result = this.cli.run(concat(CREATE_VM1, "--user-data", this.dir.resolve("nope").toString()));
		assertThat(result.exitCode()).isEqualTo(2);
		assertThat(result.err()).contains("Cannot read --user-data").contains("NoSuchFileException");
		assertThat(this.gateway.requests()).isEmpty();
	}

	@Test
	void waitPollsUntilActiveAndPrintsPlainProgressWhenPiped() {
		this.gateway.on("POST", "/api/v1/servers", Response.json(202, array(server(VM1_ID, "vm1", "BUILD"))))
			.on("GET", "/api/v1/servers/" + VM1_ID, Response.json(200, server(VM1_ID, "vm1", "BUILD")))
			.on("GET", "/api/v1/servers/" + VM1_ID, Response.json(200, server(VM1_ID, "vm1", "BUILD")))
			.on("GET", "/api/v1/servers/" + VM1_ID, Response.json(200, server(VM1_ID, "vm1", "ACTIVE")));
		Result result = this.cli.run(concat(CREATE_VM1, "--wait", "-f", "value", "-c", "status"));
		assertThat(result.exitCode()).as(result.toString()).isZero();
		assertThat(result.out()).isEqualTo("ACTIVE\n");
		assertThat(result.err()).isEqualTo("vm1 (3f0c8a52): BUILD (0s)\nvm1 (3f0c8a52): BUILD -> ACTIVE (6s)\n");
		assertThat(result.sleeps()).allSatisfy((sleep) -> assertThat(sleep).hasSeconds(2));
	}

	@Test
	void waitOnATerminalRedrawsAStatusLine() {
		this.gateway.on("POST", "/api/v1/servers", Response.json(202, array(server(VM1_ID, "vm1", "BUILD"))))
			.on("GET", "/api/v1/servers/" + VM1_ID, Response.json(200, server(VM1_ID, "vm1", "ACTIVE")));
		Result result = this.cli.terminal(true).run(concat(CREATE_VM1, "--wait"));
		assertThat(result.exitCode()).as(result.toString()).isZero();
		assertThat(result.err())
			.startsWith("vm1 (3f0c8a52): BUILD (0s)\n\r\033[K⠋ Waiting for vm1 (3f0c8a52) to be ACTIVE: BUILD, 0s")
			.contains("\r\033[K⠙ Waiting for vm1 (3f0c8a52) to be ACTIVE: BUILD, 1s")
			.endsWith("\r\033[Kvm1 (3f0c8a52): BUILD -> ACTIVE (2s)\n");
		assertThat(result.sleeps()).allSatisfy((sleep) -> assertThat(sleep).hasMillis(500));
		assertThat(result.out()).contains("| status     | ACTIVE ");
	}

	@Test
	void severalServersAreListedAndAnErrorFailsTheCommand() {
		this.gateway
			.on("POST", "/api/v1/servers",
					Response.json(202, array(server(VM1_ID, "web-1", "BUILD"), server(VM2_ID, "web-2", "BUILD"))))
			.on("GET", "/api/v1/servers/" + VM1_ID, Response.json(200, server(VM1_ID, "web-1", "ACTIVE")))
			.on("GET", "/api/v1/servers/" + VM2_ID, Response.json(200, errorServer(VM2_ID, "web-2")));
		Result result = this.cli.run("server", "create", "web", "--count", "2", "--flavor", "m1.nano", "--image",
				"cirros-fake-raw", "--network", "private", "--wait", "-f", "value", "-c", "Name", "-c", "Status");
		assertThat(result.exitCode()).as(result.toString()).isEqualTo(1);
		assertThat(result.out()).isEqualTo("web-1 ACTIVE\nweb-2 ERROR\n");
		assertThat(result.err())
			.endsWith("stackgate: Server went to ERROR: web-2 (8b2d7e11): No valid host was found.\n");
		assertThat(this.gateway.requests().get(0).body()).contains("\"count\":2");
	}

	@Test
	void severalServersOnATerminalAreCountedByStatus() {
		this.gateway
			.on("POST", "/api/v1/servers",
					Response.json(202, array(server(VM1_ID, "web-1", "BUILD"), server(VM2_ID, "web-2", "BUILD"))))
			.on("GET", "/api/v1/servers/" + VM1_ID, Response.json(200, server(VM1_ID, "web-1", "ACTIVE")))
			.on("GET", "/api/v1/servers/" + VM2_ID, Response.json(200, server(VM2_ID, "web-2", "BUILD")))
			.on("GET", "/api/v1/servers/" + VM2_ID, Response.json(200, server(VM2_ID, "web-2", "ACTIVE")));
		Result result = this.cli.terminal(true)
			.run("server", "create", "web", "--count", "2", "--flavor", "m1.nano", "--image", "cirros-fake-raw",
					"--network", "private", "--wait", "-f", "value", "-c", "Status");
		assertThat(result.exitCode()).as(result.toString()).isZero();
		assertThat(result.err()).contains("Waiting for 2 servers to be ACTIVE: 2 BUILD, 1s")
			.contains("web-1 (3f0c8a52): BUILD -> ACTIVE (2s)\n")
			.contains("Waiting for web-2 (8b2d7e11) to be ACTIVE: BUILD, 3s")
			.endsWith("\r\033[Kweb-2 (8b2d7e11): BUILD -> ACTIVE (4s)\n");
		assertThat(result.out()).isEqualTo("ACTIVE\nACTIVE\n");
	}

	@Test
	void waitGivesUpAfterTheTimeoutWithTheCurrentState() {
		this.gateway.on("POST", "/api/v1/servers", Response.json(202, array(server(VM1_ID, "vm1", "BUILD"))))
			.on("GET", "/api/v1/servers/" + VM1_ID, Response.json(200, server(VM1_ID, "vm1", "BUILD")));
		Result result = this.cli.run(concat(CREATE_VM1, "--wait", "--timeout", "5", "-f", "value", "-c", "status"));
		assertThat(result.exitCode()).isEqualTo(7);
		assertThat(result.out()).isEqualTo("BUILD\n");
		assertThat(result.err())
			.endsWith("stackgate: Gave up waiting after 5 s: vm1 (3f0c8a52) is BUILD, not ACTIVE yet.\n");
	}

	@Test
	void waitSurvivesAFailedPoll() {
		this.gateway.on("POST", "/api/v1/servers", Response.json(202, array(server(VM1_ID, "vm1", "BUILD"))))
			.on("GET", "/api/v1/servers/" + VM1_ID, Response.problem(502, "Bad Gateway", "Nova is restarting."))
			.on("GET", "/api/v1/servers/" + VM1_ID, Response.json(200, server(VM1_ID, "vm1", "ACTIVE")));
		Result result = this.cli.run(concat(CREATE_VM1, "--wait", "-f", "value", "-c", "status"));
		assertThat(result.exitCode()).as(result.toString()).isZero();
		assertThat(result.err())
			.contains("vm1 (3f0c8a52): cannot poll right now (Bad Gateway: Nova is restarting.); retrying");
	}

	@ParameterizedTest(name = "HTTP {0} ends the wait with exit {1}")
	@CsvSource(delimiter = '|', value = { "403 | 3 | Forbidden: Not yours.",
			"404 | 4 | Server vm1 (3f0c8a52) disappeared while waiting for it." })
	void waitEndsOnAPollThatIsNotAnOutage(int status, int exitCode, String message) {
		this.gateway.on("POST", "/api/v1/servers", Response.json(202, array(server(VM1_ID, "vm1", "BUILD"))))
			.on("GET", "/api/v1/servers/" + VM1_ID, Response.problem(status, "Forbidden", "Not yours."));
		Result result = this.cli.run(concat(CREATE_VM1, "--wait"));
		assertThat(result.exitCode()).as(result.toString()).isEqualTo(exitCode);
		assertThat(result.err()).endsWith("stackgate: " + message + "\n").doesNotContain("retrying");
	}

	@Test
	void quotaConflictIsExitCodeFive() {
		this.gateway.on("POST", "/api/v1/servers", Response.problem(409, "Conflict", "Quota exceeded for instances."));
		Result result = this.cli.run(CREATE_VM1);
		assertThat(result.exitCode()).isEqualTo(5);
		assertThat(result.err()).isEqualTo("stackgate: Conflict: Quota exceeded for instances.\n");
	}

	@Test
	void invalidFieldsAreListed() {
		this.gateway.on("POST", "/api/v1/servers", Response.problemJson(422, """
				{"type":"https://stackgate.dev/problems/invalid-request","title":"Invalid request","status":422,
				 "detail":"2 fields are invalid.","errors":[{"field":"flavor","message":"no flavor 'm9.huge'"},
				 {"field":"networks[0]","message":"no network 'privat'"}]}"""));
		Result result = this.cli.run(CREATE_VM1);
		assertThat(result.exitCode()).isEqualTo(2);
		assertThat(result.err()).isEqualTo("""
				stackgate: Invalid request: 2 fields are invalid.
				  flavor: no flavor 'm9.huge'
				  networks[0]: no network 'privat'
				""");
	}

	private static String[] concat(String[] first, String... more) {
		String[] all = java.util.Arrays.copyOf(first, first.length + more.length);
		System.arraycopy(more, 0, all, first.length, more.length);
		return all;
	}

}
