package io.stackgate.server.it;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import io.stackgate.cloudconfig.CloudConfig;
import io.stackgate.cloudconfig.CloudConfigLoader;

/**
 * The real cloud the integration tests run against, reached with plain HTTP: the tests check the gateway's
 * answers against what the OpenStack APIs themselves say. Integration tests never skip: without a configured
 * cloud they fail, saying how to configure one.
 */
public final class RealCloud {

	private static final JsonMapper JSON = JsonMapper.builder().build();

	private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

	private final CloudConfig config;

	private final String token;

	private final JsonNode catalog;

	private RealCloud(CloudConfig config) throws IOException, InterruptedException {
		this.config = config;
		String body = """
				{"auth": {"identity": {"methods": ["password"], "password": {"user": {"name": "%s",
				"domain": {"name": "%s"}, "password": "%s"}}}, "scope": {"project": {"name": "%s",
				"domain": {"name": "%s"}}}}}""".formatted(config.username(), config.userDomain().name(),
				config.password(), config.projectName(), config.projectDomain().name());
		HttpResponse<String> response = this.http.send(
				HttpRequest.newBuilder(URI.create(config.authUrl() + "/auth/tokens"))
					.header("Content-Type", "application/json")
					.POST(HttpRequest.BodyPublishers.ofString(body))
					.build(),
				HttpResponse.BodyHandlers.ofString());
		if (response.statusCode() != 201) {
			throw new IllegalStateException("Keystone answered " + response.statusCode() + " to " + config.source());
		}
		this.token = response.headers().firstValue("X-Subject-Token").orElseThrow();
		this.catalog = JSON.readTree(response.body()).path("token").path("catalog");
	}

	/**
	 * @return the cloud named by {@code OS_CLOUD} / {@code OS_*}, logged in
	 * @throws IllegalStateException when none is configured
	 */
	public static RealCloud fromEnvironment() throws IOException, InterruptedException {
		if (System.getenv("OS_CLOUD") == null && System.getenv("OS_AUTH_URL") == null) {
			throw new IllegalStateException("Integration tests need a real cloud: run devcloud/up, then "
					+ "eval \"$(devcloud/env)\" (or set OS_CLOUD / OS_AUTH_URL for another cloud)");
		}
		return new RealCloud(CloudConfigLoader.forThisProcess().load());
	}

	/**
	 * @param cloudName a clouds.yaml entry other than {@code OS_CLOUD}'s, for example {@code devcloud-alt}
	 * @return that cloud, logged in
	 */
	public static RealCloud named(String cloudName) throws IOException, InterruptedException {
		java.util.Map<String, String> env = new java.util.HashMap<>(System.getenv());
		env.put("OS_CLOUD", cloudName);
		return new RealCloud(new CloudConfigLoader(env, java.nio.file.Path.of("").toAbsolutePath(),
				java.nio.file.Path.of(System.getProperty("user.home"))).load());
	}

	/** @return the Keystone token the tests act with, to send to the gateway in {@code X-Auth-Token} */
	public String token() {
		return this.token;
	}

	/** @return the Keystone v3 endpoint */
	public String authUrl() {
		return this.config.authUrl();
	}

	/** @return the user the tests act as */
	public String username() {
		return this.config.username();
	}

	/** @return that user's password */
	public String password() {
		return this.config.password();
	}

	/**
	 * Revokes a token in Keystone ({@code DELETE /v3/auth/tokens}), as its holder.
	 * @param token the token to revoke
	 */
	public void revoke(String token) throws IOException, InterruptedException {
		HttpResponse<Void> response = this.http.send(HttpRequest.newBuilder(URI.create(authUrl() + "/auth/tokens"))
			.header("X-Auth-Token", token)
			.header("X-Subject-Token", token)
			.DELETE()
			.build(), HttpResponse.BodyHandlers.discarding());
		if (response.statusCode() != 204) {
			throw new IllegalStateException("Keystone answered " + response.statusCode() + " to a revocation");
		}
	}

	/**
	 * Has Keystone validate a token ({@code GET /v3/auth/tokens}), as the gateway does with a caller's token.
	 * @param token the token to validate, with itself
	 * @throws IllegalStateException when Keystone does not answer 200
	 */
	public void validate(String token) throws IOException, InterruptedException {
		HttpResponse<Void> response = this.http.send(HttpRequest.newBuilder(URI.create(authUrl() + "/auth/tokens"))
			.header("X-Auth-Token", token)
			.header("X-Subject-Token", token)
			.timeout(Duration.ofSeconds(60))
			.build(), HttpResponse.BodyHandlers.discarding());
		if (response.statusCode() != 200) {
			throw new IllegalStateException("Keystone answered " + response.statusCode() + " to a validation");
		}
	}

	/** @return the project the tests act in */
	public String projectName() {
		return this.config.projectName();
	}

	/**
	 * @param serviceType a catalog type, for example {@code compute}
	 * @param path a path below the service's public endpoint
	 * @return the parsed JSON answer
	 */
	public JsonNode get(String serviceType, String path) throws IOException, InterruptedException {
		HttpResponse<String> response = this.http.send(
				HttpRequest.newBuilder(URI.create(endpoint(serviceType) + path))
					.header("X-Auth-Token", this.token)
					.timeout(Duration.ofSeconds(60))
					.build(),
				HttpResponse.BodyHandlers.ofString());
		if (response.statusCode() != 200) {
			throw new IllegalStateException(serviceType + path + " answered " + response.statusCode());
		}
		return JSON.readTree(response.body());
	}

	/**
	 * @param namePrefix the start of the server names
	 * @return the ids of the project's servers whose names start with it, as Nova lists them (deleted servers
	 * are not listed)
	 */
	public java.util.List<String> serverIds(String namePrefix) throws IOException, InterruptedException {
		java.util.List<String> ids = new java.util.ArrayList<>();
		for (JsonNode server : get("compute", "/servers/detail").path("servers")) {
			if (server.path("name").asString().startsWith(namePrefix)) {
				ids.add(server.path("id").asString());
			}
		}
		return ids;
	}

	/** Deletes a server directly in Nova, for clean-up. */
	public void deleteServer(String id) throws IOException, InterruptedException {
		delete("compute", "/servers/" + id);
	}

	/**
	 * Creates a network without a subnet in the project.
	 * @return its id
	 */
	public String createNetwork(String name) throws IOException, InterruptedException {
		JsonNode created = send("network", "/v2.0/networks", "POST", "application/json",
				"{\"network\": {\"name\": \"" + name + "\"}}");
		return created.path("network").path("id").asString();
	}

	/**
	 * Creates a small active image that needs more memory than the smallest flavors have.
	 * @return its id
	 */
	public String createImage(String name, int minRamMb) throws IOException, InterruptedException {
		JsonNode created = send("image", "/v2/images", "POST", "application/json", """
				{"name": "%s", "disk_format": "raw", "container_format": "bare", "min_ram": %d}"""
			.formatted(name, minRamMb));
		String id = created.path("id").asString();
		send("image", "/v2/images/" + id + "/file", "PUT", "application/octet-stream", "fake image data");
		return id;
	}

	/**
	 * Sends a JSON request directly to a service, for changes the gateway must notice by itself.
	 * @param method {@code POST} or {@code PUT}
	 * @return the parsed JSON answer, a JSON null when it has no body
	 * @throws IllegalStateException when the service refused it
	 */
	public JsonNode send(String serviceType, String method, String path, String json)
			throws IOException, InterruptedException {
		return send(serviceType, path, method, "application/json", json);
	}

	/** Deletes an object directly, for clean-up. */
	public void delete(String serviceType, String path) throws IOException, InterruptedException {
		this.http.send(HttpRequest.newBuilder(URI.create(endpoint(serviceType) + path))
			.header("X-Auth-Token", this.token)
			.DELETE()
			.build(), HttpResponse.BodyHandlers.discarding());
	}

	private JsonNode send(String serviceType, String path, String method, String contentType, String body)
			throws IOException, InterruptedException {
		HttpResponse<String> response = this.http.send(
				HttpRequest.newBuilder(URI.create(endpoint(serviceType) + path))
					.header("X-Auth-Token", this.token)
					.header("Content-Type", contentType)
					.method(method, HttpRequest.BodyPublishers.ofString(body))
					.build(),
				HttpResponse.BodyHandlers.ofString());
		if (response.statusCode() >= 300) {
			throw new IllegalStateException(method + " " + serviceType + path + " answered " + response.statusCode());
		}
		return response.body().isEmpty() ? JSON.nullNode() : JSON.readTree(response.body());
	}

	private String endpoint(String serviceType) {
		for (JsonNode service : this.catalog) {
			if (service.path("type").asString().equals(serviceType)) {
				for (JsonNode endpoint : service.path("endpoints")) {
					if (endpoint.path("interface").asString().equals("public")) {
						return endpoint.path("url").asString().replaceAll("/$", "");
					}
				}
			}
		}
		throw new IllegalStateException("No public " + serviceType + " endpoint in the catalog");
	}

}
