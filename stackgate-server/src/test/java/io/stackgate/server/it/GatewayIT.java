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
import java.util.UUID;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;

import io.stackgate.itsupport.LaunchTarget;
import io.stackgate.itsupport.RealCloud;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The gateway against the real cloud: every endpoint, checked against what the OpenStack
 * APIs say directly, with three servers this run launches in Nova itself from what
 * {@link LaunchTarget} found (and deletes afterwards). Requests carry the cloud user's
 * own token (mode keystone, the default).
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
		properties = { "stackgate.listen.address=127.0.0.1", "stackgate.listen.port=0" })
class GatewayIT {

	private static final JsonMapper JSON = JsonMapper.builder().build();

	/**
	 * Names of this run's servers start with it, so that runs never see each other's
	 * servers.
	 */
	private static final String PREFIX = "it-gw-" + UUID.randomUUID().toString().substring(0, 6) + "-";

	private static final List<String> SERVERS = List.of(PREFIX + "1", PREFIX + "2", PREFIX + "3");

	private static RealCloud cloud;

	private static LaunchTarget target;

	private final HttpClient http = HttpClient.newHttpClient();

	@LocalServerPort
	int port;

	@BeforeAll
	static void realCloud() throws Exception {
		cloud = RealCloud.fromEnvironment();
		target = LaunchTarget.discover(cloud);
		for (String name : SERVERS) {
			cloud.servers().create(name, target);
		}
	}

	@AfterAll
	static void cleanUp() throws Exception {
		if (cloud != null) {
			cloud.servers().deleteAll(PREFIX);
		}
	}

	@Test
	void isReadyOnceLoggedInToKeystone() throws Exception {
		// Readiness follows Keystone: on a loaded machine a probe may miss once, so give
		// it a few tries.
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
		JsonNode flavor = find(flavors, "name", target.flavor().name());
		assertThat(flavor.path("id").asString()).isEqualTo(target.flavor().id());
		assertThat(flavor.path("vcpus").asInt()).isEqualTo(target.flavor().vcpus());
		assertThat(flavor.path("ram").asInt()).isEqualTo(target.flavor().ram());
		assertThat(flavor.path("disk").asInt()).isEqualTo(target.flavor().disk());
		assertThat(names(flavors)).isEqualTo(names(cloud.get("compute", "/flavors/detail").path("flavors")));
	}

	@Test
	void listsTheActiveImagesGlanceHas() throws Exception {
		JsonNode images = json("/api/v1/images");
		JsonNode image = find(images, "name", target.image().name());
		assertThat(image.path("id").asString()).isEqualTo(target.image().id());
		assertThat(image.path("status").asString()).isEqualTo("active");
		assertThat(image.path("size").asLong()).isPositive();
		assertThat(names(images)).isEqualTo(names(cloud.get("image", "/v2/images?status=active").path("images")));
	}

	@Test
	void listsTheNetworksTheProjectCanAttachTo() throws Exception {
		JsonNode networks = json("/api/v1/networks");
		JsonNode network = find(networks, "name", target.network().name());
		assertThat(network.path("external").asBoolean()).isFalse();
		List<String> cidrs = new ArrayList<>();
		network.path("subnets").forEach((subnet) -> cidrs.add(subnet.path("cidr").asString()));
		assertThat(cidrs).containsExactlyInAnyOrderElementsOf(target.network().cidrs());
		Set<String> external = new TreeSet<>();
		cloud.get("network", "/v2.0/networks?router:external=true")
			.path("networks")
			.forEach((n) -> external.add(n.path("name").asString()));
		assertThat(names(networks)).doesNotContainAnyElementsOf(external);
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
		HttpResponse<String> second = this.http.send(
				request("/api/v1/launch-options").header("If-None-Match", etag).build(),
				HttpResponse.BodyHandlers.ofString());
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
		for (String name : SERVERS) {
			JsonNode server = find(servers, "name", name);
			assertThat(server.path("status").asString()).isEqualTo("ACTIVE");
			JsonNode address = server.path("addresses").get(0);
			assertThat(address.path("network").asString()).isEqualTo(target.network().name());
			assertThat(target.network().contains(address.path("ip").asString())).as(address.toString()).isTrue();
			assertThat(address.path("version").asInt()).isIn(4, 6);
			assertThat(address.path("type").asString()).isEqualTo("fixed");
			assertThat(server.path("flavor").path("id").asString()).isEqualTo(target.flavor().id());
			assertThat(server.path("flavor").path("name").asString()).isEqualTo(target.flavor().name());
			assertThat(server.path("image").path("id").asString()).isEqualTo(target.image().id());
			assertThat(server.path("image").path("name").asString()).isEqualTo(target.image().name());
		}
	}

	@Test
	void pagesThroughServersWithLinks() throws Exception {
		List<String> seeded = new ArrayList<>();
		json("/api/v1/servers?name=" + PREFIX).forEach((s) -> seeded.add(s.path("id").asString()));
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
		// Other servers may come and go while the pages are walked; the seeded ones stay,
		// each once.
		assertThat(pages).isGreaterThanOrEqualTo(3);
		assertThat(paged).doesNotHaveDuplicates().containsAll(seeded);
		assertThat(seeded).hasSize(3);
	}

	@Test
	void filtersServersByNameAndShowsOne() throws Exception {
		JsonNode matches = json("/api/v1/servers?name=" + SERVERS.get(1) + "&status=ACTIVE");
		assertThat(matches).hasSize(1);
		String id = matches.get(0).path("id").asString();
		JsonNode server = json("/api/v1/servers/" + id);
		assertThat(server.path("name").asString()).isEqualTo(SERVERS.get(1));
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
