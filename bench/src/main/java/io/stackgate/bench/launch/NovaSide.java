package io.stackgate.bench.launch;

import java.net.URI;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;

import io.stackgate.bench.support.Authenticated;
import io.stackgate.bench.support.CloudLogin;
import io.stackgate.bench.support.Http;
import io.stackgate.bench.support.Json;
import tools.jackson.databind.JsonNode;

/**
 * Nova (and Glance and Neutron, to look up ids) called directly, with a Keystone token of
 * the cloud's user.
 */
final class NovaSide extends Authenticated implements Side {

	/** A server of the project, by id and name. */
	record Server(String id, String name) {
	}

	private final CloudLogin login;

	String computeUrl;

	private String imageUrl;

	private String networkUrl;

	String flavorId;

	String imageId;

	String networkId;

	NovaSide(Http http, CloudLogin login) {
		super(http);
		this.login = login;
	}

	@Override
	public String label() {
		return "direct";
	}

	/**
	 * Keystone v3 password authentication scoped to the project; also reads the endpoints
	 * from the catalog.
	 */
	@Override
	protected String newToken() {
		CloudLogin.Session session = this.login.login();
		this.computeUrl = session.compute();
		this.imageUrl = session.image();
		this.networkUrl = session.network();
		return session.token();
	}

	/**
	 * The ids the direct side puts in its requests, looked up by name as the gateway
	 * does.
	 */
	void resolveTargets(String flavor, String image, String network) {
		this.flavorId = Json.idOfNamed(get(this.computeUrl + "/flavors"), "flavors", flavor, "flavor", "");
		this.imageId = Json.idOfNamed(get(this.imageUrl + "/v2/images?name=" + encode(image)), "images", image, "image",
				"");
		this.networkId = Json.idOfNamed(get(this.networkUrl + "/v2.0/networks?name=" + encode(network)), "networks",
				network, "network", "");
	}

	private JsonNode get(String url) {
		return Json.read(Http.expect(call("GET", URI.create(url), null), 200));
	}

	@Override
	public String create(String name) {
		String body = Json.write(Map.of("server", Map.of("name", name, "flavorRef", this.flavorId, "imageRef",
				this.imageId, "networks", List.of(Map.of("uuid", this.networkId)))));
		JsonNode answer = Json.read(Http.expect(call("POST", URI.create(this.computeUrl + "/servers"), body), 202));
		return Json.string(Json.field(answer, "server"), "id");
	}

	@Override
	public State state(String id) {
		JsonNode server = Json.field(get(this.computeUrl + "/servers/" + id), "server");
		JsonNode fault = server.path("fault");
		return new State(Json.string(server, "status"),
				(fault.isMissingNode() || fault.isNull()) ? "null" : fault.path("message").asString("null"));
	}

	@Override
	public void delete(String id) {
		Http.expect(call("DELETE", URI.create(this.computeUrl + "/servers/" + id), null), 202, 204, 404);
	}

	/**
	 * @return the project's servers whose name starts with {@code prefix}, deleting ones
	 * included
	 */
	List<Server> list(String prefix) {
		// Nova's name filter is a regular expression; the run's prefixes hold only
		// letters, digits and '-'.
		JsonNode answer = get(this.computeUrl + "/servers?name=" + encode("^" + prefix));
		return Json.list(Json.field(answer, "servers"))
			.stream()
			.map((s) -> new Server(Json.string(s, "id"), Json.string(s, "name")))
			.filter((s) -> s.name().startsWith(prefix))
			.toList();
	}

	private static String encode(String s) {
		return URLEncoder.encode(s, StandardCharsets.UTF_8);
	}

}
