package io.stackgate.dist;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Optional;

import io.stackgate.cloudconfig.CloudConfig;
import io.stackgate.cloudconfig.CloudConfigLoader;
import io.stackgate.cloudconfig.DomainRef;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

/**
 * The cloud the ITs run against: OS_CLIENT_CONFIG_FILE + OS_CLOUD (eval
 * "$(devcloud/env)"), read by the gateway's own loader. Talks to Keystone and Nova
 * directly, to get tokens for the gateway and to check what the gateway did.
 *
 * @param cloudsYaml the clouds.yaml
 * @param name the cloud in it
 * @param config that cloud
 */
record Cloud(Path cloudsYaml, String name, CloudConfig config) {

	static final JsonMapper JSON = JsonMapper.builder().build();

	static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();

	/** The cloud of the environment, empty when none is configured. */
	static Optional<Cloud> fromEnvironment() {
		String file = System.getenv("OS_CLIENT_CONFIG_FILE");
		String name = System.getenv("OS_CLOUD");
		if (file == null || name == null || !Files.isReadable(Path.of(file))) {
			return Optional.empty();
		}
		return Optional.of(new Cloud(Path.of(file), name, CloudConfigLoader.forThisProcess().load()));
	}

	/** Another cloud of the same clouds.yaml, for example devcloud-admin. */
	Cloud named(String other) {
		return new Cloud(this.cloudsYaml, other, CloudConfigLoader.forThisProcess().loadCloud(other));
	}

	/** A project-scoped Keystone token and the service catalog that came with it. */
	record Token(String id, JsonNode catalog, String endpointInterface) {

		/**
		 * The endpoint of a service type, for example compute, on the cloud's interface.
		 */
		String endpoint(String type) {
			for (JsonNode service : catalog) {
				if (type.equals(service.path("type").asString())) {
					for (JsonNode ep : service.path("endpoints")) {
						if (endpointInterface.equals(ep.path("interface").asString())) {
							return ep.path("url").asString().replaceAll("/+$", "");
						}
					}
				}
			}
			throw new AssertionError("no " + endpointInterface + " " + type + " endpoint in the catalog");
		}

	}

	Token token() {
		ObjectNode body = JSON.createObjectNode();
		ObjectNode auth = body.putObject("auth");
		ObjectNode identity = auth.putObject("identity");
		identity.putArray("methods").add("password");
		ObjectNode user = identity.putObject("password").putObject("user");
		user.put("name", config.username()).put("password", config.password());
		domain(user.putObject("domain"), config.userDomain());
		ObjectNode project = auth.putObject("scope").putObject("project");
		if (config.projectId() != null) {
			project.put("id", config.projectId());
		}
		else {
			project.put("name", config.projectName());
			domain(project.putObject("domain"), config.projectDomain());
		}
		String url = config.authUrl().replaceAll("/+$", "");
		if (!url.endsWith("/v3")) {
			url += "/v3";
		}
		HttpResponse<String> response = send(HttpRequest.newBuilder(URI.create(url + "/auth/tokens"))
			.header("Content-Type", "application/json")
			.POST(HttpRequest.BodyPublishers.ofString(JSON.writeValueAsString(body)))
			.build());
		if (response.statusCode() != 201) {
			throw new AssertionError("Keystone login as " + config.username() + " failed: " + response.statusCode()
					+ " " + response.body());
		}
		String id = response.headers().firstValue("X-Subject-Token").orElseThrow();
		return new Token(id, JSON.readTree(response.body()).path("token").path("catalog"), config.endpointInterface());
	}

	private static void domain(ObjectNode node, DomainRef domain) {
		if (domain.id() != null) {
			node.put("id", domain.id());
		}
		else {
			node.put("name", domain.name());
		}
	}

	static HttpResponse<String> send(HttpRequest request) {
		try {
			return HTTP.send(request, HttpResponse.BodyHandlers.ofString());
		}
		catch (IOException ex) {
			throw new AssertionError(request.method() + " " + request.uri() + ": " + ex, ex);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new AssertionError(ex);
		}
	}

}
