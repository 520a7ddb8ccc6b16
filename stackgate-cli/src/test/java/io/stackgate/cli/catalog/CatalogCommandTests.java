package io.stackgate.cli.catalog;

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
import io.stackgate.cli.support.Fixtures;
import io.stackgate.cli.support.StubGateway;
import io.stackgate.cli.support.StubGateway.Response;
import tools.jackson.databind.json.JsonMapper;

import static org.assertj.core.api.Assertions.assertThat;

class CatalogCommandTests {

	private static final tools.jackson.core.type.TypeReference<Map<String, Object>> MAP = new tools.jackson.core.type.TypeReference<>() {
	};

	private StubGateway gateway;

	private CliRun cli;

	@BeforeEach
	void setUp(@TempDir Path configDir) throws Exception {
		this.gateway = new StubGateway().on("GET", "/api/v1/flavors", Response.json(200, Fixtures.FLAVORS))
			.on("GET", "/api/v1/images", Response.json(200, Fixtures.IMAGES))
			.on("GET", "/api/v1/networks", Response.json(200, Fixtures.NETWORKS))
			.on("GET", "/api/v1/launch-options", Response.json(200, "{\"flavors\":" + Fixtures.FLAVORS + ",\"images\":"
					+ Fixtures.IMAGES + ",\"networks\":" + Fixtures.NETWORKS + "}"));
		this.cli = new CliRun(configDir).env("STACKGATE_URL", this.gateway.url())
			.env("STACKGATE_API_KEY", "service-key");
	}

	@AfterEach
	void tearDown() {
		this.gateway.close();
	}

	@Test
	void flavorTableRightAlignsNumbers() {
		Result result = this.cli.run("flavor", "list");
		assertThat(result.exitCode()).as(result.toString()).isZero();
		assertThat(result.out()).isEqualTo("""
				+----+---------+-----+------+-------+
				| ID | Name    | RAM | Disk | VCPUs |
				+----+---------+-----+------+-------+
				| 1  | m1.tiny | 512 |    1 |     1 |
				| 42 | m1.nano | 128 |    1 |     1 |
				+----+---------+-----+------+-------+
				""");
		assertThat(this.gateway.lastRequest().header("X-API-Key")).isEqualTo("service-key");
		assertThat(this.gateway.lastRequest().header("X-Auth-Token")).isNull();
	}

	@Test
	void imageListInJson() throws Exception {
		Result result = this.cli.run("image", "list", "-f", "json");
		assertThat(result.exitCode()).isZero();
		assertThat(JsonMapper.builder().build().readValue(result.out(), List.class))
			.containsExactly(Map.of("ID", "c0ffee00-0000-4000-8000-000000000001", "Name", "cirros-fake-raw", "Status",
					"active", "Size", 65536, "Min Disk", 0, "Min RAM", 0));
	}

	@Test
	void networkListShowsSubnetsAndFlags() {
		Result result = this.cli.run("network", "list", "-f", "value");
		assertThat(result.out()).isEqualTo(
				"""
						d00dfeed-0000-4000-8000-000000000002 private 5b0e1c2d-0000-4000-8000-000000000003 10.0.0.0/24 ACTIVE False False
						e11ea5e0-0000-4000-8000-000000000004 public   ACTIVE True True
						""");
	}

	@Test
	void networkListInYaml() {
		Result result = this.cli.run("network", "list", "-f", "yaml", "-c", "Name", "-c", "CIDRs", "-c", "Shared");
		List<Map<String, Object>> networks = new Yaml().load(result.out());
		assertThat(networks).containsExactly(
				Map.of("Name", "private", "CIDRs", List.of("10.0.0.0/24"), "Shared", false),
				Map.of("Name", "public", "CIDRs", List.of(), "Shared", true));
	}

	@Test
	void launchOptionsTableHasThreeSections() {
		Result result = this.cli.run("launch-options", "-c", "Name");
		assertThat(result.exitCode()).as(result.toString()).isZero();
		assertThat(result.out()).isEqualTo("""
				Flavors:
				+---------+
				| Name    |
				+---------+
				| m1.tiny |
				| m1.nano |
				+---------+

				Images:
				+-----------------+
				| Name            |
				+-----------------+
				| cirros-fake-raw |
				+-----------------+

				Networks:
				+---------+
				| Name    |
				+---------+
				| private |
				| public  |
				+---------+
				""");
	}

	@Test
	@SuppressWarnings("unchecked")
	void launchOptionsAsJsonAndYamlHaveOneKeyPerSection() throws Exception {
		Result json = this.cli.run("launch-options", "-f", "json", "-c", "ID");
		Map<String, Object> document = JsonMapper.builder().build().readValue(json.out(), MAP);
		assertThat(document.keySet()).containsExactly("flavors", "images", "networks");
		assertThat((List<Object>) document.get("flavors")).containsExactly(Map.of("ID", "1"), Map.of("ID", "42"));
		Result yaml = this.cli.run("launch-options", "-f", "yaml", "-c", "RAM");
		Map<String, Object> yamlDocument = new Yaml().load(yaml.out());
		assertThat(yamlDocument).containsOnlyKeys("flavors");
		assertThat(this.cli.run("launch-options", "-f", "value", "-c", "Min RAM").out()).isEqualTo("0\n");
	}

	@Test
	void launchOptionsRejectsAColumnNoSectionHas() {
		Result result = this.cli.run("launch-options", "-c", "Nope");
		assertThat(result.exitCode()).isEqualTo(2);
		assertThat(result.err()).startsWith("stackgate: Unknown column 'Nope'; choose from 'ID', 'Name', 'RAM'");
	}

}
