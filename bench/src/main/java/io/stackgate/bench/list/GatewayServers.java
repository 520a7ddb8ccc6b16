package io.stackgate.bench.list;

import java.net.URI;
import java.util.List;

import io.stackgate.bench.support.Authenticated;
import io.stackgate.bench.support.CloudLogin;
import io.stackgate.bench.support.Console;
import io.stackgate.bench.support.Http;
import io.stackgate.bench.support.Json;
import tools.jackson.databind.JsonNode;

/**
 * The gateway's {@code GET /api/v1/servers}, with an {@code X-Auth-Token} from the
 * bench's own Keystone login.
 */
final class GatewayServers extends Authenticated {

	/** The whole list as the gateway answered it, and its size in bytes. */
	record Listing(List<JsonNode> servers, long bytes) {
	}

	private final CloudLogin login;

	private final URI list;

	GatewayServers(Http http, CloudLogin login, URI gateway) {
		super(http);
		this.login = login;
		this.list = gateway.resolve("/api/v1/servers");
	}

	@Override
	protected String newToken() {
		return this.login.login().token();
	}

	/**
	 * The whole list: no {@code limit}, so the gateway answers every server of the
	 * project at once.
	 */
	Listing list() {
		var response = call("GET", this.list, null);
		Console.require(response.statusCode() != 429, "the gateway rate-limits the bench (429): start it with "
				+ "STACKGATE_AUTH_RATELIMIT_REQUESTS=0 (bench/list does)");
		String body = Http.requireOk(response);
		Console.require(response.headers().firstValue("Link").isEmpty(),
				"the gateway answered a list without limit with a next page (Link header)");
		return new Listing(Json.list(Json.read(body)), body.length());
	}

}
