package io.stackgate.itsupport;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import io.stackgate.cloudconfig.CaCertificates;
import io.stackgate.cloudconfig.CloudConfig;
import io.stackgate.cloudconfig.CloudConfigLoader;
import io.stackgate.cloudconfig.DomainRef;

/**
 * The real cloud the integration tests run against, reached with plain HTTP: the tests
 * check the gateway's answers against what the OpenStack APIs themselves say. Integration
 * tests never skip: without a configured cloud they fail, saying how to configure one.
 */
public final class RealCloud {

	private static final JsonMapper JSON = JsonMapper.builder().build();

	private static final Duration SERVER_TIMEOUT = Duration.ofSeconds(300);

	private final HttpClient http;

	private final CloudConfig config;

	private final String token;

	private final String projectId;

	private final String projectName;

	private final JsonNode catalog;

	private RealCloud(CloudConfig config) throws IOException, InterruptedException {
		this.config = config;
		HttpClient.Builder http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5));
		if (config.caCert() != null) {
			http.sslContext(CaCertificates.sslContext(config.caCert()));
		}
		this.http = http.build();
		String project = (config.projectId() != null) ? "\"id\": \"" + config.projectId() + "\""
				: "\"name\": \"" + config.projectName() + "\", \"domain\": {" + domain(config.projectDomain()) + "}";
		String body = """
				{"auth": {"identity": {"methods": ["password"], "password": {"user": {"name": "%s",
				"domain": {%s}, "password": "%s"}}}, "scope": {"project": {%s}}}}""".formatted(config.username(),
				domain(config.userDomain()), config.password(), project);
		HttpResponse<String> response = this.http
			.send(HttpRequest.newBuilder(URI.create(config.authUrl() + "/auth/tokens"))
				.header("Content-Type", "application/json")
				.POST(HttpRequest.BodyPublishers.ofString(body))
				.build(), HttpResponse.BodyHandlers.ofString());
		if (response.statusCode() != 201) {
			throw new IllegalStateException("Keystone answered " + response.statusCode() + " to " + config.source());
		}
		this.token = response.headers().firstValue("X-Subject-Token").orElseThrow();
		JsonNode issued = JSON.readTree(response.body()).path("token");
		this.projectId = issued.path("project").path("id").asString();
		this.projectName = issued.path("project").path("name").asString();
		this.catalog = issued.path("catalog");
	}

	private static String domain(DomainRef domain) {
		return (domain.id() != null) ? "\"id\": \"" + domain.id() + "\"" : "\"name\": \"" + domain.name() + "\"";
	}

	/**
	 * @return the cloud named by {@code OS_CLOUD} / {@code OS_*}, logged in
	 * @throws IllegalStateException when none is configured
	 */
	public static RealCloud fromEnvironment() throws IOException, InterruptedException {
		if (!configured()) {
			throw new IllegalStateException(howToConfigure("Integration tests"));
		}
		return new RealCloud(CloudConfigLoader.forThisProcess().load());
	}

	/**
	 * @return whether {@code OS_CLOUD} or {@code OS_AUTH_URL} names a cloud
	 */
	public static boolean configured() {
		return !blank(System.getenv("OS_CLOUD")) || !blank(System.getenv("OS_AUTH_URL"));
	}

	/**
	 * @param who what needs the cloud, for example {@code StackgateCliIT}
	 * @return the message an integration test fails with when no cloud is configured
	 */
	public static String howToConfigure(String who) {
		return who + " need a real cloud, and neither OS_CLOUD nor OS_AUTH_URL is set: run devcloud/up, then "
				+ "eval \"$(devcloud/env)\" (or set OS_CLOUD / OS_AUTH_URL for another cloud); bin/run-tests "
				+ "[--cloud NAME] does all of it";
	}

	/**
	 * The second project the multi-project tests need: the clouds.yaml entry
	 * {@code STACKGATE_IT_ALT_CLOUD}, by default {@code OS_CLOUD} with {@code -alt}
	 * appended ({@code devcloud-alt}, or devstack's {@code devstack-alt}).
	 * @return that cloud, logged in
	 */
	public static RealCloud alternate() throws IOException, InterruptedException {
		String name = System.getenv("STACKGATE_IT_ALT_CLOUD");
		if (blank(name)) {
			if (blank(System.getenv("OS_CLOUD"))) {
				throw new IllegalStateException("Tests with two projects need STACKGATE_IT_ALT_CLOUD: a clouds.yaml "
						+ "entry for a user in a second project");
			}
			name = System.getenv("OS_CLOUD") + "-alt";
		}
		Map<String, String> env = new HashMap<>(System.getenv());
		env.put("OS_CLOUD", name);
		return new RealCloud(
				new CloudConfigLoader(env, Path.of("").toAbsolutePath(), Path.of(System.getProperty("user.home")))
					.load());
	}

	/**
	 * @return the Keystone token the tests act with, to send to the gateway in
	 * {@code X-Auth-Token}
	 */
	public String token() {
		return this.token;
	}

	/**
	 * @return the Keystone v3 endpoint
	 */
	public String authUrl() {
		return this.config.authUrl();
	}

	/**
	 * @return the user the tests act as
	 */
	public String username() {
		return this.config.username();
	}

	/**
	 * @return that user's password
	 */
	public String password() {
		return this.config.password();
	}

	/**
	 * @return the name of that user's domain ({@code Default} when clouds.yaml gives only
	 * its id)
	 */
	public String userDomainName() {
		String name = this.config.userDomain().name();
		return (name != null) ? name : "Default";
	}

	/**
	 * @return the project the tests act in
	 */
	public String projectName() {
		return this.projectName;
	}

	/**
	 * @return that project's id, as Keystone gave it with the token
	 */
	public String projectId() {
		return this.projectId;
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
	 * Has Keystone validate a token ({@code GET /v3/auth/tokens}), as the gateway does
	 * with a caller's token.
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

	/**
	 * @param serviceType a catalog type, for example {@code compute}
	 * @param path a path below the service's public endpoint
	 * @return the parsed JSON answer
	 */
	public JsonNode get(String serviceType, String path) throws IOException, InterruptedException {
		HttpResponse<String> response = this.http.send(HttpRequest.newBuilder(URI.create(endpoint(serviceType) + path))
			.header("X-Auth-Token", this.token)
			.timeout(Duration.ofSeconds(60))
			.build(), HttpResponse.BodyHandlers.ofString());
		if (response.statusCode() != 200) {
			throw new IllegalStateException(serviceType + path + " answered " + response.statusCode());
		}
		return JSON.readTree(response.body());
	}

	/**
	 * The version document of a service, as a client negotiating versions reads it:
	 * Nova's and Keystone's at their catalog endpoint ({@code /v2.1/}, {@code /v3/}),
	 * Glance's at {@code /versions}, Neutron's and Placement's at their root.
	 * @param serviceType a catalog type: {@code compute}, {@code identity},
	 * {@code image}, {@code network} or {@code placement}
	 * @return the parsed document, which services answer with 200 or 300 (Multiple
	 * Choices)
	 */
	public JsonNode versionDocument(String serviceType) throws IOException, InterruptedException {
		String url = switch (serviceType) {
			case "identity" -> authUrl().replaceAll("/$", "") + "/";
			case "image" -> endpoint(serviceType) + "/versions";
			default -> endpoint(serviceType) + "/";
		};
		HttpResponse<String> response = this.http.send(
				HttpRequest.newBuilder(URI.create(url)).header("X-Auth-Token", this.token).build(),
				HttpResponse.BodyHandlers.ofString());
		if (response.statusCode() != 200 && response.statusCode() != 300) {
			throw new IllegalStateException(url + " answered " + response.statusCode());
		}
		return JSON.readTree(response.body());
	}

	/**
	 * @param namePrefix the start of the server names
	 * @return the ids of the project's servers whose names start with it, as Nova lists
	 * them (deleted servers are not listed)
	 */
	public List<String> serverIds(String namePrefix) throws IOException, InterruptedException {
		List<String> ids = new ArrayList<>();
		for (JsonNode server : get("compute", "/servers/detail").path("servers")) {
			if (server.path("name").asString().startsWith(namePrefix)) {
				ids.add(server.path("id").asString());
			}
		}
		return ids;
	}

	/**
	 * Creates a server directly in Nova and waits until it is {@code ACTIVE} with an
	 * address.
	 * @param name its name, which should start with the run's prefix
	 * @param target what to launch it from
	 * @return its id
	 * @throws IllegalStateException when it goes to {@code ERROR} or is not active within
	 * 5 minutes
	 */
	public String createServer(String name, LaunchTarget target) throws IOException, InterruptedException {
		String id = send("compute", "/servers", "POST", "application/json",
				"""
						{"server": {"name": "%s", "flavorRef": "%s", "imageRef": "%s", "networks": [{"uuid": "%s"}]}}"""
					.formatted(name, target.flavor().id(), target.image().id(), target.network().id()))
			.path("server")
			.path("id")
			.asString();
		Instant deadline = Instant.now().plus(SERVER_TIMEOUT);
		while (Instant.now().isBefore(deadline)) {
			JsonNode server = get("compute", "/servers/" + id).path("server");
			String status = server.path("status").asString();
			if (status.equals("ERROR")) {
				throw new IllegalStateException(
						"Server " + name + " (" + id + ") went to ERROR: " + server.path("fault"));
			}
			if (status.equals("ACTIVE") && !server.path("addresses").isEmpty()) {
				return id;
			}
			Thread.sleep(1000);
		}
		throw new IllegalStateException("Server " + name + " (" + id + ") was not ACTIVE within " + SERVER_TIMEOUT);
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
	 * Creates a small active image.
	 * @param name its name
	 * @param minRamMb the memory a flavor needs to boot it
	 * @return its id
	 */
	public String createImage(String name, int minRamMb) throws IOException, InterruptedException {
		JsonNode created = send("image", "/v2/images", "POST", "application/json", """
				{"name": "%s", "disk_format": "raw", "container_format": "bare", "min_ram": %d}""".formatted(name,
				minRamMb));
		String id = created.path("id").asString();
		send("image", "/v2/images/" + id + "/file", "PUT", "application/octet-stream", "fake image data");
		return id;
	}

	/**
	 * Sends a JSON request directly to a service, for changes the gateway must notice by
	 * itself.
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
		HttpResponse<String> response = this.http.send(HttpRequest.newBuilder(URI.create(endpoint(serviceType) + path))
			.header("X-Auth-Token", this.token)
			.header("Content-Type", contentType)
			.method(method, HttpRequest.BodyPublishers.ofString(body))
			.build(), HttpResponse.BodyHandlers.ofString());
		if (response.statusCode() >= 300) {
			throw new IllegalStateException(
					method + " " + serviceType + path + " answered " + response.statusCode() + ": " + response.body());
		}
		return response.body().isEmpty() ? JSON.nullNode() : JSON.readTree(response.body());
	}

	/**
	 * The endpoint of the configured interface (and region, when one is configured), as
	 * the gateway picks it.
	 */
	private String endpoint(String serviceType) {
		String region = this.config.regionName();
		for (JsonNode service : this.catalog) {
			if (service.path("type").asString().equals(serviceType)) {
				for (JsonNode endpoint : service.path("endpoints")) {
					if (endpoint.path("interface").asString().equals(this.config.endpointInterface())
							&& (region == null || region.equals(endpoint.path("region_id").asString()))) {
						return endpoint.path("url").asString().replaceAll("/$", "");
					}
				}
			}
		}
		throw new IllegalStateException(
				"No " + this.config.endpointInterface() + " " + serviceType + " endpoint in the catalog");
	}

	private static boolean blank(String value) {
		return value == null || value.isBlank();
	}

}
