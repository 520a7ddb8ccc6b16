package io.stackgate.bench.launch;

import java.net.URI;
import java.net.http.HttpResponse;
import java.util.List;
import java.util.Map;

import io.stackgate.bench.support.Authenticated;
import io.stackgate.bench.support.Http;
import io.stackgate.bench.support.Json;
import io.stackgate.cloudconfig.CloudConfig;
import tools.jackson.databind.JsonNode;

import static io.stackgate.bench.support.Console.log;
import static io.stackgate.bench.support.Console.require;

/** The gateway's API, with a token from its own login route. */
final class GatewaySide extends Authenticated implements Side {

	private final URI base;

	private final CloudConfig cloud;

	private final LaunchOptions options;

	GatewaySide(Http http, LaunchOptions options) {
		super(http);
		this.base = options.common.url();
		this.cloud = options.common.cloud();
		this.options = options;
	}

	@Override
	public String label() {
		return "gateway";
	}

	@Override
	protected String newToken() {
		String domain = (this.cloud.userDomain().name() != null) ? this.cloud.userDomain().name()
				: this.cloud.userDomain().id();
		String body = Json.write(Map.of("username", this.cloud.username(), "password", this.cloud.password(), "project",
				this.cloud.projectName(), "domain", domain));
		HttpResponse<String> response = this.http
			.exchange(this.http.request("POST", uri("/api/v1/auth/tokens"), body).build());
		if (response.statusCode() == 404) {
			log("   the gateway has no login route (authentication off?): sending no token");
			return "";
		}
		return Json.string(Json.read(Http.expect(response, 200, 201)), "token");
	}

	@Override
	public String create(String name) {
		String body = Json.write(Map.of("name", name, "flavor", this.options.flavor, "image", this.options.image,
				"networks", List.of(this.options.network)));
		List<JsonNode> servers = Json.list(Json.read(Http.expect(call("POST", uri("/api/v1/servers"), body), 202)));
		require(servers.size() == 1, "the gateway answered %d servers for one launch", servers.size());
		return Json.string(servers.get(0), "id");
	}

	@Override
	public State state(String id) {
		JsonNode server = Json.read(Http.expect(call("GET", uri("/api/v1/servers/" + id), null), 200));
		JsonNode fault = server.path("fault");
		return new State(Json.string(server, "status"), (fault.isMissingNode() || fault.isNull()) ? "null"
				: fault.isString() ? fault.asString() : fault.toString());
	}

	@Override
	public void delete(String id) {
		Http.expect(call("DELETE", uri("/api/v1/servers/" + id), null), 202, 204, 404);
	}

	private URI uri(String path) {
		return this.base.resolve(path);
	}

}
