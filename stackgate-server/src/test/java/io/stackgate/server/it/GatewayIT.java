package io.stackgate.server.it;

import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The gateway against the real cloud (devcloud, with vm1..vm3 from {@code devcloud/up --with-servers}): every
 * endpoint, checked against what the OpenStack APIs say directly. Requests carry the cloud user's own token
 * (mode keystone, the default).
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
		properties = { "stackgate.listen.address=127.0.0.1", "stackgate.listen.port=0" })
class GatewayIT {

	private static final JsonMapper JSON = JsonMapper.builder().build();

	private static RealCloud cloud;

	private final HttpClient http = HttpClient.newHttpClient();

	@LocalServerPort
	int port;

	@BeforeAll
	static void realCloud() throws Exception {
		cloud = RealCloud.fromEnvironment();
	}

	@Test
	void isReadyOnceLoggedInToKeystone() throws Exception {
		// Readiness follows Keystone: on a loaded machine a probe may miss once, so give it a few tries.
		HttpResponse<String> response = get("/actuator/health/readiness");
		for (int attempt = 1; attempt < 10 && response.statusCode() != 200; attempt++) {
			Thread.sleep(2000);
			response = get("/actuator/health/readiness");
		}
		assertThat(response.statusCode()).isEqualTo(200);
		assertThat(JSON.readTree(response.body()).path("status").asString()).isEqualTo("UP");
	}

	@Test
	void listsTheFlavorsNovaHas() throws Exception {
		JsonNode flavors = json("/api/v1/flavors");
		JsonNode tiny = find(flavors, "name", "m1.tiny");
		assertThat(tiny.path("vcpus").asInt()).isEqualTo(1);
		assertThat(tiny.path("ram").asInt()).isEqualTo(512);
		assertThat(tiny.path("disk").asInt()).isEqualTo(1);
		assertThat(names(flavors)).isEqualTo(names(cloud.get("compute", "/flavors/detail").path("flavors")));
	}

	@Test
	void listsTheActiveImagesGlanceHas() throws Exception {
		JsonNode images = json("/api/v1/images");
		JsonNode raw = find(images, "name", "cirros-fake-raw");
		assertThat(raw.path("status").asString()).isEqualTo("active");
		assertThat(raw.path("size").asLong()).isPositive();
		assertThat(names(images)).isEqualTo(names(cloud.get("image", "/v2/images?status=active").path("images")));
	}

	@Test
	void listsTheNetworksTheProjectCanAttachTo() throws Exception {
		JsonNode networks = json("/api/v1/networks");
		JsonNode privateNetwork = find(networks, "name", "private");
		assertThat(privateNetwork.path("external").asBoolean()).isFalse();
		assertThat(privateNetwork.path("subnets").get(0).path("cidr").asString()).isEqualTo("10.0.0.0/24");
		assertThat(names(networks)).doesNotContain("public");
	}

	@Test
	void servesTheThreeListsInOneResponse() throws Exception {
		JsonNode options = json("/api/v1/launch-options");
		assertThat(names(options.path("flavors"))).isEqualTo(names(json("/api/v1/flavors")));
		assertThat(names(options.path("images"))).isEqualTo(names(json("/api/v1/images")));
		assertThat(names(options.path("networks"))).isEqualTo(names(json("/api/v1/networks")));
	}

	@Test
	void answersNotModifiedWhenTheListDidNotChange() throws Exception {
		HttpResponse<String> first = get("/api/v1/launch-options");
		String etag = first.headers().firstValue("ETag").orElseThrow();
		HttpResponse<String> second = this.http.send(request("/api/v1/launch-options").header("If-None-Match", etag)
			.build(), HttpResponse.BodyHandlers.ofString());
		assertThat(second.statusCode()).isEqualTo(304);
	}

	@Test
	void listsTheServersNovaHasWithTheirAddresses() throws Exception {
		JsonNode servers = json("/api/v1/servers");
		Set<String> novaIds = new TreeSet<>();
		cloud.get("compute", "/servers/detail").path("servers").forEach((s) -> novaIds.add(s.path("id").asString()));
		Set<String> gatewayIds = new TreeSet<>();
		servers.forEach((s) -> gatewayIds.add(s.path("id").asString()));
		assertThat(gatewayIds).isEqualTo(novaIds);
		for (String name : List.of("vm1", "vm2", "vm3")) {
			JsonNode server = find(servers, "name", name);
			assertThat(server.path("status").asString()).isEqualTo("ACTIVE");
			JsonNode address = server.path("addresses").get(0);
			assertThat(address.path("network").asString()).isEqualTo("private");
			assertThat(address.path("ip").asString()).startsWith("10.0.0.");
			assertThat(address.path("version").asInt()).isEqualTo(4);
			assertThat(address.path("type").asString()).isEqualTo("fixed");
			assertThat(server.path("flavor").path("name").asString()).startsWith("m1.");
			assertThat(server.path("image").path("name").asString()).startsWith("cirros-fake");
		}
	}

	@Test
	void pagesThroughServersWithLinks() throws Exception {
		List<String> seeded = new ArrayList<>();
		json("/api/v1/servers?name=%5Evm%5B123%5D%24").forEach((s) -> seeded.add(s.path("id").asString()));
		List<String> paged = new ArrayList<>();
		int pages = 0;
		String next = "/api/v1/servers?limit=1";
		while (next != null) {
			HttpResponse<String> page = get(next);
			assertThat(page.statusCode()).isEqualTo(200);
			JSON.readTree(page.body()).forEach((s) -> paged.add(s.path("id").asString()));
			next = page.headers().firstValue("Link").map(GatewayIT::nextPath).orElse(null);
			pages++;
		}
		// Other servers may come and go while the pages are walked; the seeded ones stay, each once.
		assertThat(pages).isGreaterThanOrEqualTo(3);
		assertThat(paged).doesNotHaveDuplicates().containsAll(seeded);
		assertThat(seeded).hasSize(3);
	}

	@Test
	void filtersServersByNameAndShowsOne() throws Exception {
		JsonNode matches = json("/api/v1/servers?name=%5Evm2%24&status=ACTIVE");
		assertThat(matches).hasSize(1);
		String id = matches.get(0).path("id").asString();
		JsonNode server = json("/api/v1/servers/" + id);
		assertThat(server.path("name").asString()).isEqualTo("vm2");
	}

	@Test
	void anUnknownServerIsANotFoundProblem() throws Exception {
		HttpResponse<String> response = get("/api/v1/servers/00000000-0000-0000-0000-000000000000");
		assertThat(response.statusCode()).isEqualTo(404);
		assertThat(response.headers().firstValue("Content-Type")).hasValue("application/problem+json");
		assertThat(JSON.readTree(response.body()).path("type").asString())
			.isEqualTo("https://stackgate.dev/problems/not-found");
	}

	@Test
	void servesTheCommittedOpenApiDescription() throws Exception {
		JsonNode served = json("/v3/api-docs");
		Path committed = Path.of("../docs/openapi.json");
		String pretty = JSON.writerWithDefaultPrettyPrinter().writeValueAsString(served) + "\n";
		if (!Files.exists(committed) || !JSON.readTree(Files.readString(committed)).equals(served)) {
			Files.writeString(Path.of("target/openapi.json"), pretty);
			throw new AssertionError("docs/openapi.json differs from what the gateway serves; the served one is in "
					+ "stackgate-server/target/openapi.json: review it and copy it to docs/openapi.json");
		}
	}

	private static String nextPath(String link) {
		String url = link.substring(link.indexOf('<') + 1, link.indexOf('>'));
		return URI.create(url).getRawPath() + "?" + URI.create(url).getRawQuery();
	}

	private JsonNode json(String path) throws Exception {
		HttpResponse<String> response = get(path);
		assertThat(response.statusCode()).as("GET %s: %s", path, response.body()).isEqualTo(200);
		return JSON.readTree(response.body());
	}

	private HttpResponse<String> get(String path) throws Exception {
		return this.http.send(request(path).build(), HttpResponse.BodyHandlers.ofString());
	}

	private HttpRequest.Builder request(String path) {
		return HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + this.port + path))
			.header("X-Auth-Token", cloud.token());
	}

	private static JsonNode find(JsonNode items, String field, String value) {
		for (JsonNode item : items) {
			if (item.path(field).asString().equals(value)) {
				return item;
			}
		}
		throw new AssertionError("No item with " + field + "=" + value + " in " + items);
	}

	private static Set<String> names(JsonNode items) {
		Set<String> names = new TreeSet<>();
		items.forEach((item) -> names.add(item.path("name").asString()));
		return names;
	}

}
