package io.stackgate.dist;

import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import tools.jackson.databind.JsonNode;

import io.stackgate.itsupport.GatewayProcess;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The HTTP contract the ITs check on a running gateway, wherever it runs (package,
 * image).
 */
final class Gateway {

	private final String base;

	Gateway(int port) {
		this.base = "http://127.0.0.1:" + port;
	}

	/**
	 * @param process the gateway jar run as a process
	 * @return its contract, once its readiness answers 200
	 */
	static Gateway ready(GatewayProcess process) throws InterruptedException {
		return new Gateway(process.awaitReady().port());
	}

	String base() {
		return base;
	}

	/** GET /actuator/health/readiness, which must answer 200. */
	JsonNode readiness() {
		HttpResponse<String> r = Cloud
			.send(HttpRequest.newBuilder(URI.create(base + "/actuator/health/readiness")).build());
		assertThat(r.statusCode()).as(r.body()).isEqualTo(200);
		return Cloud.JSON.readTree(r.body());
	}

	/**
	 * GET /api/v1/flavors with a Keystone token: a JSON array of FlavorDto; returns the
	 * names.
	 */
	List<String> flavorNames(String token) {
		HttpResponse<String> r = Cloud.send(HttpRequest.newBuilder(URI.create(base + "/api/v1/flavors"))
			.header("X-Auth-Token", token)
			.header("Accept", "application/json")
			.build());
		assertThat(r.statusCode()).as("GET /api/v1/flavors: %s", r.body()).isEqualTo(200);
		JsonNode body = Cloud.JSON.readTree(r.body());
		assertThat(body.isArray()).as("a JSON array: %s", r.body()).isTrue();
		List<String> names = new ArrayList<>();
		body.forEach((f) -> names.add(f.path("name").asString()));
		return names;
	}

	/**
	 * POST /api/v1/servers (CreateServerRequest, snake_case on the wire): returns the new
	 * server's id.
	 */
	String createServer(String token, String name, String flavor, String image, String network, String userData) {
		String body = Cloud.JSON.writeValueAsString(java.util.Map.of("name", name, "flavor", flavor, "image", image,
				"networks", List.of(network), "user_data", userData));
		HttpResponse<String> r = Cloud.send(HttpRequest.newBuilder(URI.create(base + "/api/v1/servers"))
			.header("X-Auth-Token", token)
			.header("Content-Type", "application/json")
			.POST(HttpRequest.BodyPublishers.ofString(body))
			.build());
		assertThat(r.statusCode()).as("POST /api/v1/servers: %s", r.body()).isIn(201, 202);
		JsonNode created = Cloud.JSON.readTree(r.body());
		JsonNode server = created.isArray() ? created.get(0) : created;
		String id = server.path("id").asString();
		assertThat(id).as("server id in %s", r.body()).isNotBlank();
		return id;
	}

	static void sleep(Duration d) {
		try {
			Thread.sleep(d.toMillis());
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new AssertionError(ex);
		}
	}

}
