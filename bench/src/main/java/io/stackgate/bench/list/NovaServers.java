package io.stackgate.bench.list;

import java.net.URI;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import io.stackgate.bench.support.Authenticated;
import io.stackgate.bench.support.CloudLogin;
import io.stackgate.bench.support.Http;
import io.stackgate.bench.support.Json;
import tools.jackson.databind.JsonNode;

import static io.stackgate.bench.support.Console.require;

/**
 * Nova (and Glance and Neutron, to look up ids) called directly, with a Keystone token of
 * the cloud's user.
 */
final class NovaServers extends Authenticated {

	private static final String LIST_PROJECT = " visible to the project; bench/list-project makes them";

	/**
	 * The whole {@code servers/detail} list and what it took: pages (requests) and bytes.
	 */
	record Detail(List<JsonNode> servers, int pages, long bytes) {
	}

	private final CloudLogin login;

	private volatile String computeUrl;

	private volatile String imageUrl;

	private volatile String networkUrl;

	private volatile String projectId;

	NovaServers(Http http, CloudLogin login) {
		super(http);
		this.login = login;
	}

	@Override
	protected String newToken() {
		CloudLogin.Session session = this.login.login();
		this.computeUrl = session.compute();
		this.imageUrl = session.image();
		this.networkUrl = session.network();
		this.projectId = session.projectId();
		return session.token();
	}

	String computeUrl() {
		return this.computeUrl;
	}

	String projectId() {
		return this.projectId;
	}

	/**
	 * Every server of the project: {@code servers/detail}, following its {@code next}
	 * links.
	 */
	Detail detail() {
		List<JsonNode> servers = new ArrayList<>();
		int pages = 0;
		long bytes = 0;
		String url = this.computeUrl + "/servers/detail";
		while (url != null) {
			String body = Http.expect(call("GET", URI.create(url), null), 200);
			pages++;
			bytes += body.length();
			JsonNode answer = Json.read(body);
			servers.addAll(Json.list(Json.field(answer, "servers")));
			url = null;
			for (JsonNode link : answer.path("servers_links")) {
				if ("next".equals(link.path("rel").asString())) {
					url = Json.string(link, "href");
				}
			}
			require(pages <= 1000, "more than 1000 pages of servers/detail: is Nova's next link looping?");
		}
		return new Detail(servers, pages, bytes);
	}

	/**
	 * One {@code POST /servers} for {@code count} servers, named {@code name-1} to
	 * {@code name-count} by Nova.
	 */
	void createMany(String name, int count, String flavorId, String imageId, String networkId,
			Map<String, String> metadata) {
		String body = Json
			.write(Map.of("server", Map.of("name", name, "flavorRef", flavorId, "imageRef", imageId, "networks",
					List.of(Map.of("uuid", networkId)), "min_count", count, "max_count", count, "metadata", metadata)));
		Http.expect(call("POST", URI.create(this.computeUrl + "/servers"), body), 202);
	}

	/** {@code PUT /servers/{id}} with a new name. */
	void rename(String id, String name) {
		String body = Json.write(Map.of("server", Map.of("name", name)));
		Http.expect(call("PUT", URI.create(this.computeUrl + "/servers/" + id), body), 200);
	}

	void delete(String id) {
		Http.expect(call("DELETE", URI.create(this.computeUrl + "/servers/" + id), null), 202, 204, 404);
	}

	String flavorId(String name) {
		return Json.idOfNamed(get(this.computeUrl + "/flavors"), "flavors", name, "flavor", LIST_PROJECT);
	}

	String imageId(String name) {
		return Json.idOfNamed(get(this.imageUrl + "/v2/images?name=" + encode(name)), "images", name, "image",
				LIST_PROJECT);
	}

	String networkId(String name) {
		return Json.idOfNamed(get(this.networkUrl + "/v2.0/networks?name=" + encode(name)), "networks", name, "network",
				LIST_PROJECT);
	}

	private JsonNode get(String url) {
		return Json.read(Http.expect(call("GET", URI.create(url), null), 200));
	}

	private static String encode(String s) {
		return URLEncoder.encode(s, StandardCharsets.UTF_8);
	}

}
