package io.stackgate.cli.server;

import java.nio.file.Path;
import java.util.Map;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.yaml.snakeyaml.Yaml;

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

class ServerShowCommandTests {

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
	void byIdAsFieldValueTable() {
		this.gateway.on("GET", "/api/v1/servers/" + VM1_ID, Response.json(200, server(VM1_ID, "vm1", "ACTIVE")));
		Result result = this.cli.run("server", "show", VM1_ID);
		assertThat(result.exitCode()).as(result.toString()).isZero();
		assertThat(result.out()).isEqualTo("""
				+------------+--------------------------------------------------------+
				| Field      | Value                                                  |
				+------------+--------------------------------------------------------+
				| id         | 3f0c8a52-1d0e-4b8e-9a57-5d0f1c9e2b10                   |
				| name       | vm1                                                    |
				| status     | ACTIVE                                                 |
				| addresses  | private=10.0.0.5, fd00::5; public=172.24.4.9           |
				| flavor     | m1.nano (42)                                           |
				| image      | cirros-fake-raw (c0ffee00-0000-4000-8000-000000000001) |
				| created    | 2025-06-01T09:58:00Z                                   |
				| fault      |                                                        |
				| properties | role=web                                               |
				+------------+--------------------------------------------------------+
				""");
		assertThat(this.gateway.requests()).hasSize(1);
	}

	@Test
	void byExactNameAmongSubstringMatches() {
		this.gateway.on("GET", "/api/v1/servers?name=vm1",
				Response.json(200, array(server(VM2_ID, "vm10", "ACTIVE"), server(VM1_ID, "vm1", "ACTIVE"))));
		Result result = this.cli.run("server", "show", "vm1", "-f", "value", "-c", "id");
		assertThat(result.exitCode()).as(result.toString()).isZero();
		assertThat(result.out()).isEqualTo(VM1_ID + "\n");
	}

	@Test
	void aNameIsSentAsTheFilterAndMatchedExactly() {
		this.gateway.on("GET", "/api/v1/servers?name=web.1",
				Response.json(200, array(server(VM2_ID, "web.10", "ACTIVE"), server(VM1_ID, "web.1", "ACTIVE"))));
		Result result = this.cli.run("server", "show", "web.1", "-f", "value", "-c", "id");
		assertThat(result.exitCode()).as(result.toString()).isZero();
		assertThat(result.out()).isEqualTo(VM1_ID + "\n");
		assertThat(this.gateway.lastRequest().pathAndQuery()).isEqualTo("/api/v1/servers?name=web.1");
	}

	@Test
	void uuidThatIsNotAnIdFallsBackToTheName() {
		this.gateway.on("GET", "/api/v1/servers/" + VM2_ID, Response.problem(404, "Not Found", "No server."))
			.on("GET", "/api/v1/servers?name=" + VM2_ID, Response.json(200, array(server(VM1_ID, VM2_ID, "ACTIVE"))));
		Result result = this.cli.run("server", "show", VM2_ID, "-f", "value", "-c", "id");
		assertThat(result.exitCode()).as(result.toString()).isZero();
		assertThat(result.out()).isEqualTo(VM1_ID + "\n");
	}

	@Test
	void noMatchIsNotFound() {
		this.gateway.on("GET", "/api/v1/servers?name=vm1", Response.json(200, array(server(VM2_ID, "vm10", "ACTIVE"))));
		Result result = this.cli.run("server", "show", "vm1");
		assertThat(result.exitCode()).isEqualTo(4);
		assertThat(result.err()).isEqualTo("stackgate: No server with the name or ID 'vm1'.\n");
		assertThat(result.out()).isEmpty();
	}

	@Test
	void severalExactMatchesIsAConflictListingTheIds() {
		this.gateway.on("GET", "/api/v1/servers?name=vm1",
				Response.json(200, array(server(VM1_ID, "vm1", "ACTIVE"), server(VM2_ID, "vm1", "ERROR"))));
		Result result = this.cli.run("server", "show", "vm1");
		assertThat(result.exitCode()).isEqualTo(5);
		assertThat(result.err()).isEqualTo(
				"stackgate: More than one server is named 'vm1': " + VM1_ID + ", " + VM2_ID + ". Use an ID instead.\n");
	}

	@Test
	void jsonAndYamlAreObjectsWithFieldKeys() throws Exception {
		this.gateway.on("GET", "/api/v1/servers/" + VM1_ID, Response.json(200, errorServer(VM1_ID, "vm1")));
		Result json = this.cli.run("server", "show", VM1_ID, "-f", "json");
		Map<String, Object> object = JsonMapper.builder()
			.build()
			.readValue(json.out(), new tools.jackson.core.type.TypeReference<Map<String, Object>>() {
			});
		assertThat(object).containsEntry("status", "ERROR")
			.containsEntry("image", "N/A (booted from volume)")
			.containsEntry("fault", "No valid host was found.")
			.containsEntry("addresses", Map.of());
		Result yaml = this.cli.run("server", "show", VM1_ID, "-f", "yaml");
		Map<String, Object> document = new Yaml().load(yaml.out());
		assertThat(document).containsEntry("created", "2025-06-01T09:58:00Z").containsEntry("addresses", Map.of());
	}

}
