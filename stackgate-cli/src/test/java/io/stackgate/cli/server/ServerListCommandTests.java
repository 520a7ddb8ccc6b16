package io.stackgate.cli.server;

import java.nio.file.Path;
import java.util.List;
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
import static io.stackgate.cli.support.Fixtures.server;
import static org.assertj.core.api.Assertions.assertThat;

class ServerListCommandTests {

	private static final String TWO_SERVERS = array(server(VM1_ID, "vm1", "ACTIVE"), server(VM2_ID, "vm2", "BUILD"));

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
	void tableHasOpenstackColumns() {
		this.gateway.on("GET", "/api/v1/servers", Response.json(200, TWO_SERVERS));
		Result result = this.cli.run("server", "list");
		assertThat(result.exitCode()).as(result.toString()).isZero();
		assertThat(result.out()).isEqualTo(
				"""
						+--------------------------------------+------+--------+----------------------------------------------+-----------------+---------+
						| ID                                   | Name | Status | Networks                                     | Image           | Flavor  |
						+--------------------------------------+------+--------+----------------------------------------------+-----------------+---------+
						| 3f0c8a52-1d0e-4b8e-9a57-5d0f1c9e2b10 | vm1  | ACTIVE | private=10.0.0.5, fd00::5; public=172.24.4.9 | cirros-fake-raw | m1.nano |
						| 8b2d7e11-5c4a-4f6e-8d3b-2a1f0e9c7d65 | vm2  | BUILD  | private=10.0.0.5, fd00::5; public=172.24.4.9 | cirros-fake-raw | m1.nano |
						+--------------------------------------+------+--------+----------------------------------------------+-----------------+---------+
						""");
		assertThat(result.err()).isEmpty();
		assertThat(this.gateway.lastRequest().header("X-Auth-Token")).isEqualTo("tok");
		assertThat(this.gateway.lastRequest().header("Accept")).contains("application/problem+json");
	}

	@Test
	void emptyTablePrintsNothing() {
		this.gateway.on("GET", "/api/v1/servers", Response.json(200, "[]"));
		Result result = this.cli.run("server", "list");
		assertThat(result.exitCode()).isZero();
		assertThat(result.out()).isEmpty();
	}

	@Test
	void jsonIsKeyedByColumnName() throws Exception {
		this.gateway.on("GET", "/api/v1/servers", Response.json(200, TWO_SERVERS));
		Result result = this.cli.run("server", "list", "-f", "json");
		assertThat(result.exitCode()).isZero();
		List<Map<String, Object>> servers = JsonMapper.builder()
			.build()
			.readValue(result.out(), new tools.jackson.core.type.TypeReference<List<Map<String, Object>>>() {
			});
		assertThat(servers).hasSize(2);
		assertThat(servers.get(0)).containsEntry("ID", VM1_ID)
			.containsEntry("Name", "vm1")
			.containsEntry("Status", "ACTIVE")
			.containsEntry("Networks",
					Map.of("private", List.of("10.0.0.5", "fd00::5"), "public", List.of("172.24.4.9")))
			.containsEntry("Image", "cirros-fake-raw")
			.containsEntry("Flavor", "m1.nano");
		assertThat(result.out()).startsWith("[\n  {\n    \"ID\": \"" + VM1_ID + "\",\n");
	}

	@Test
	void yamlParsesToTheSameDocument() {
		this.gateway.on("GET", "/api/v1/servers", Response.json(200, TWO_SERVERS));
		Result result = this.cli.run("server", "list", "-f", "yaml");
		assertThat(result.exitCode()).isZero();
		List<Map<String, Object>> servers = new Yaml().load(result.out());
		assertThat(servers).hasSize(2);
		assertThat(servers.get(1)).containsEntry("ID", VM2_ID)
			.containsEntry("Status", "BUILD")
			.containsEntry("Networks",
					Map.of("private", List.of("10.0.0.5", "fd00::5"), "public", List.of("172.24.4.9")));
		assertThat(result.out()).startsWith("- ID: " + VM1_ID + "\n  Name: vm1\n  Status: ACTIVE\n  Networks:\n"
				+ "    private:\n    - 10.0.0.5\n    - \"fd00::5\"\n");
	}

	@Test
	void valueWithColumnsPrintsBareCells() {
		this.gateway.on("GET", "/api/v1/servers", Response.json(200, TWO_SERVERS));
		Result result = this.cli.run("server", "list", "-f", "value", "-c", "ID", "-c", "status");
		assertThat(result.exitCode()).isZero();
		assertThat(result.out()).isEqualTo(VM1_ID + " ACTIVE\n" + VM2_ID + " BUILD\n");
	}

	@Test
	void columnsPickAndOrderTableColumns() {
		this.gateway.on("GET", "/api/v1/servers", Response.json(200, TWO_SERVERS));
		Result result = this.cli.run("server", "list", "-c", "Status", "-c", "Name");
		assertThat(result.out()).startsWith("+--------+------+\n| Status | Name |\n");
	}

	@Test
	void unknownColumnIsAUsageError() {
		this.gateway.on("GET", "/api/v1/servers", Response.json(200, TWO_SERVERS));
		Result result = this.cli.run("server", "list", "-c", "Host");
		assertThat(result.exitCode()).isEqualTo(2);
		assertThat(result.err()).contains("Unknown column 'Host'; choose from 'ID', 'Name', 'Status', 'Networks'");
		assertThat(result.out()).isEmpty();
	}

	@Test
	void filtersBecomeQueryParameters() {
		this.gateway.on("GET", "/api/v1/servers", Response.json(200, "[]"));
		Result result = this.cli.run("server", "list", "--name", "web 1", "--status", "active", "--limit", "2",
				"--marker", VM1_ID);
		assertThat(result.exitCode()).as(result.toString()).isZero();
		assertThat(this.gateway.lastRequest().pathAndQuery())
			.isEqualTo("/api/v1/servers?name=web+1&status=ACTIVE&limit=2&marker=" + VM1_ID);
	}

	@Test
	void invalidStatusIsAUsageError() {
		Result result = this.cli.run("server", "list", "--status", "RUNNING");
		assertThat(result.exitCode()).isEqualTo(2);
		assertThat(result.err()).contains("--status").contains("RUNNING");
		assertThat(this.gateway.requests()).isEmpty();
	}

	@Test
	void allFollowsNextLinks() {
		this.gateway
			.on("GET", "/api/v1/servers?limit=1",
					Response.json(200, array(server(VM1_ID, "vm1", "ACTIVE")), "Link",
							"</api/v1/servers?limit=1&marker=" + VM1_ID + ">; rel=\"next\""))
			.on("GET", "/api/v1/servers?limit=1&marker=" + VM1_ID,
					Response.json(200, array(server(VM2_ID, "vm2", "ACTIVE"))));
		Result result = this.cli.run("server", "list", "--limit", "1", "--all", "-f", "value", "-c", "Name");
		assertThat(result.exitCode()).as(result.toString()).isZero();
		assertThat(result.out()).isEqualTo("vm1\nvm2\n");
		assertThat(result.err()).isEmpty();
	}

	@Test
	void withoutAllSaysThatMoreFollow() {
		this.gateway.on("GET", "/api/v1/servers?limit=1", Response.json(200, array(server(VM1_ID, "vm1", "ACTIVE")),
				"Link", "</api/v1/servers?limit=1&marker=" + VM1_ID + ">; rel=\"next\""));
		Result result = this.cli.run("server", "list", "--limit", "1", "-f", "value", "-c", "Name");
		assertThat(result.out()).isEqualTo("vm1\n");
		assertThat(result.err())
			.isEqualTo("More servers follow: add --all, or --marker " + VM1_ID + " for the next page.\n");
	}

	@Test
	void unknownStatusFromTheGatewayIsShownAsUnknown() {
		this.gateway.on("GET", "/api/v1/servers", Response.json(200, array(server(VM1_ID, "vm1", "SOMETHING_NEW"))));
		Result result = this.cli.run("server", "list", "-f", "value", "-c", "Status");
		assertThat(result.out()).isEqualTo("UNKNOWN\n");
	}

	@Test
	void serverBootedFromVolumeHasNoImage() {
		this.gateway.on("GET", "/api/v1/servers",
				Response.json(200, "[{\"id\":\"x\",\"name\":\"v\",\"status\":\"ACTIVE\",\"image\":null}]"));
		Result result = this.cli.run("server", "list", "-f", "value", "-c", "Image", "-c", "Networks");
		assertThat(result.out()).isEqualTo("N/A (booted from volume) \n");
	}

}
