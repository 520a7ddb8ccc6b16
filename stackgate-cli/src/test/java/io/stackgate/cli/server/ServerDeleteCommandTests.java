package io.stackgate.cli.server;

import java.nio.file.Path;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import io.stackgate.cli.support.CliRun;
import io.stackgate.cli.support.CliRun.Result;
import io.stackgate.cli.support.StubGateway;
import io.stackgate.cli.support.StubGateway.Response;

import static io.stackgate.cli.support.Fixtures.VM1_ID;
import static io.stackgate.cli.support.Fixtures.VM2_ID;
import static io.stackgate.cli.support.Fixtures.array;
import static io.stackgate.cli.support.Fixtures.server;
import static org.assertj.core.api.Assertions.assertThat;

class ServerDeleteCommandTests {

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
	void byNamePrintsNothing() {
		this.gateway.on("GET", "/api/v1/servers?name=vm1", Response.json(200, array(server(VM1_ID, "vm1", "ACTIVE"))))
			.on("DELETE", "/api/v1/servers/" + VM1_ID, Response.empty(202));
		Result result = this.cli.run("server", "delete", "vm1");
		assertThat(result.exitCode()).as(result.toString()).isZero();
		assertThat(result.out()).isEmpty();
		assertThat(result.err()).isEmpty();
		assertThat(this.gateway.lastRequest().method()).isEqualTo("DELETE");
	}

	@Test
	void waitPollsUntilGone() {
		this.gateway.on("DELETE", "/api/v1/servers/" + VM1_ID, Response.empty(202))
			.on("GET", "/api/v1/servers/" + VM1_ID, Response.json(200, server(VM1_ID, "vm1", "ACTIVE")))
			.on("GET", "/api/v1/servers/" + VM1_ID, Response.json(200, server(VM1_ID, "vm1", "ACTIVE")))
			.on("GET", "/api/v1/servers/" + VM1_ID, Response.problem(404, "Not Found", "No server."));
		Result result = this.cli.run("server", "delete", VM1_ID, "--wait");
		assertThat(result.exitCode()).as(result.toString()).isZero();
		assertThat(result.err()).isEqualTo("vm1 (3f0c8a52): ACTIVE (0s)\nvm1 (3f0c8a52): ACTIVE -> deleted (4s)\n");
	}

	@Test
	void aServerNovaShowsAsDeletedIsGoneToo() {
		this.gateway.on("DELETE", "/api/v1/servers/" + VM1_ID, Response.empty(202))
			.on("GET", "/api/v1/servers/" + VM1_ID, Response.json(200, server(VM1_ID, "vm1", "ACTIVE")))
			.on("GET", "/api/v1/servers/" + VM1_ID, Response.json(200, server(VM1_ID, "vm1", "DELETED")));
		Result result = this.cli.run("server", "delete", VM1_ID, "--wait");
		assertThat(result.exitCode()).as(result.toString()).isZero();
		assertThat(result.err()).isEqualTo("vm1 (3f0c8a52): ACTIVE (0s)\nvm1 (3f0c8a52): ACTIVE -> deleted (2s)\n");
	}

	@Test
	void oneMissingAmongSeveralStillDeletesTheOthers() {
		this.gateway.on("GET", "/api/v1/servers?name=ghost", Response.json(200, "[]"))
			.on("GET", "/api/v1/servers?name=vm2", Response.json(200, array(server(VM2_ID, "vm2", "ACTIVE"))))
			.on("DELETE", "/api/v1/servers/" + VM2_ID, Response.empty(202));
		Result result = this.cli.run("server", "delete", "ghost", "vm2");
		assertThat(result.exitCode()).isEqualTo(4);
		assertThat(result.err()).isEqualTo("""
				stackgate: cannot delete ghost: No server with the name or ID 'ghost'.
				stackgate: 1 of 2 servers could not be deleted.
				""");
		assertThat(this.gateway.lastRequest().method()).isEqualTo("DELETE");
	}

	@Test
	void goneBetweenLookupAndDeleteIsNotFound() {
		this.gateway.on("GET", "/api/v1/servers/" + VM1_ID, Response.json(200, server(VM1_ID, "vm1", "ACTIVE")))
			.on("DELETE", "/api/v1/servers/" + VM1_ID,
					Response.problem(404, "Not Found", "No server with id '" + VM1_ID + "'."));
		Result result = this.cli.run("server", "delete", VM1_ID);
		assertThat(result.exitCode()).isEqualTo(4);
		assertThat(result.err()).isEqualTo("stackgate: Not Found: No server with id '" + VM1_ID + "'.\n");
	}

	@Test
	void waitTimesOut() {
		this.gateway.on("DELETE", "/api/v1/servers/" + VM1_ID, Response.empty(202))
			.on("GET", "/api/v1/servers/" + VM1_ID, Response.json(200, server(VM1_ID, "vm1", "ACTIVE")));
		Result result = this.cli.run("server", "delete", VM1_ID, "--wait", "--timeout", "3");
		assertThat(result.exitCode()).isEqualTo(7);
		assertThat(result.err())
			.endsWith("stackgate: Gave up waiting after 3 s: vm1 (3f0c8a52) is ACTIVE, not deleted yet.\n");
	}

}
