package io.stackgate.bench.remote;

import java.net.URI;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import java.util.Map;

import io.stackgate.bench.support.Http;
import io.stackgate.bench.support.Json;

/**
 * The gateway's API in mode {@code keystone}: every request with the bench's Keystone
 * token in {@code X-Auth-Token}, sent once.
 */
final class GatewayApi {

	private final Http http;

	private final URI base;

	private final String token;

	GatewayApi(Http http, URI base, String token) {
		this.http = http;
		this.base = base;
		this.token = token;
	}

	/** A {@code GET} of the gateway's API, as answered. */
	HttpResponse<String> get(String path) {
		return this.http.exchange(
				this.http.request("GET", this.base.resolve(path), null).header("X-Auth-Token", this.token).build());
	}

	/**
	 * {@code POST /api/v1/servers?wait=true}: one server, answered once it is settled or
	 * {@code wait} has passed.
	 */
	HttpResponse<String> launchAndWait(String name, String flavor, String image, String network, Duration wait) {
		String body = Json.write(Map.of("name", name, "flavor", flavor, "image", image, "networks", List.of(network)));
		URI uri = this.base.resolve("/api/v1/servers?wait=true&timeout=" + wait.toSeconds());
		return this.http.exchange(this.http.request("POST", uri, body)
			.timeout(wait.plusSeconds(30))
			.header("X-Auth-Token", this.token)
			.build());
	}

}
