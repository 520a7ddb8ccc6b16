package io.stackgate.bench.remote;

import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;

import io.stackgate.bench.support.CloudLogin;
import io.stackgate.bench.support.Http;
import io.stackgate.bench.support.Json;
import tools.jackson.databind.JsonNode;

import static io.stackgate.bench.support.Console.require;

/**
 * The cloud called directly through the remote front: Keystone, then Nova (and Glance and
 * Neutron, to look up ids) with that token, over one HTTPS client that trusts the cloud's
 * CA and keeps its connections. A refused token is not retried: nothing here sends a
 * request twice.
 */
final class Front {

	/** A server of the project, by id and name. */
	record Server(String id, String name) {
	}

	/** A server's status, and its fault when it has one. */
	record State(String status, String fault) {
	}

	private final Http http;

	private final CloudLogin login;

	private String token;

	private String computeUrl;

	private String imageUrl;

	private String networkUrl;

	Front(Http http, CloudLogin login) {
		this.http = http;
		this.login = login;
	}

	/** Keystone v3 password authentication through the front, and the catalog's URLs. */
	void login() {
		CloudLogin.Session session = this.login.login();
		this.token = session.token();
		this.computeUrl = session.compute();
		this.imageUrl = session.image();
		this.networkUrl = session.network();
	}

	String token() {
		return this.token;
	}

	String computeUrl() {
		return this.computeUrl;
	}

	/** Nova's {@code GET /servers/{id}}, as answered. */
	HttpResponse<String> getServer(String id) {
		return call("GET", this.computeUrl + "/servers/" + id, null);
	}

	/**
	 * @return the id of the project's one server named exactly {@code name}
	 */
	String serverId(String name) {
		List<Server> named = list("^" + name + "$").stream().filter((s) -> s.name().equals(name)).toList();
		require(named.size() == 1,
				"%d servers named '%s' in the project (expected one: devcloud/up --with-servers " + "makes vm1..vm3)",
				named.size(), name);
		return named.get(0).id();
	}

	String flavorId(String name) {
		return Json.idOfNamed(get(this.computeUrl + "/flavors"), "flavors", name, "flavor", "");
	}

	String imageId(String name) {
		return Json.idOfNamed(get(this.imageUrl + "/v2/images?name=" + encode(name)), "images", name, "image", "");
	}

	String networkId(String name) {
		return Json.idOfNamed(get(this.networkUrl + "/v2.0/networks?name=" + encode(name)), "networks", name, "network",
				"");
	}

	/**
	 * One {@code POST /servers}, sent once. @return the new server's id
	 */
	String create(String name, String flavorId, String imageId, String networkId) {
		String body = Json.write(Map.of("server", Map.of("name", name, "flavorRef", flavorId, "imageRef", imageId,
				"networks", List.of(Map.of("uuid", networkId)))));
		JsonNode answer = Json.read(Http.expect(call("POST", this.computeUrl + "/servers", body), 202));
		return Json.string(Json.field(answer, "server"), "id");
	}

	State state(String id) {
		JsonNode server = Json.field(get(this.computeUrl + "/servers/" + id), "server");
		JsonNode fault = server.path("fault");
		return new State(Json.string(server, "status"),
				(fault.isMissingNode() || fault.isNull()) ? "null" : fault.path("message").asString("null"));
	}

	/** Deletes a server; one that is already gone is fine. */
	void delete(String id) {
		Http.expect(call("DELETE", this.computeUrl + "/servers/" + id, null), 202, 204, 404);
	}

	/**
	 * @return the project's servers whose name matches {@code regex} (Nova's name
	 * filter), deleting ones included
	 */
	List<Server> list(String regex) {
		JsonNode answer = get(this.computeUrl + "/servers?name=" + encode(regex));
		return Json.list(Json.field(answer, "servers"))
			.stream()
			.map((s) -> new Server(Json.string(s, "id"), Json.string(s, "name")))
			.toList();
	}

	private JsonNode get(String url) {
		return Json.read(Http.expect(call("GET", url, null), 200));
	}

	private HttpResponse<String> call(String method, String url, String jsonBody) {
		return this.http
			.exchange(this.http.request(method, URI.create(url), jsonBody).header("X-Auth-Token", this.token).build());
	}

	private static String encode(String s) {
		return URLEncoder.encode(s, StandardCharsets.UTF_8);
	}

}
