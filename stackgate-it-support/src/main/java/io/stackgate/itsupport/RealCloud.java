package io.stackgate.itsupport;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import io.stackgate.cloudconfig.CloudConfig;

/**
 * The real cloud the integration tests run against, logged in as its user and reached
 * with plain HTTP: the tests check the gateway's answers against what the OpenStack APIs
 * themselves say, and change the cloud directly where the gateway must notice by itself.
 */
public final class RealCloud {

	private static final JsonMapper JSON = JsonMapper.builder().build();

	private static final Duration REQUEST_TIMEOUT = Duration.ofSeconds(60);

	private final HttpClient http;

	private final CloudConfig config;

	private final Keystone keystone;

	private final Keystone.Login login;

	private RealCloud(CloudConfig config) throws IOException, InterruptedException {
		this.http = Keystone.httpClient(config);
		this.config = config;
		this.keystone = new Keystone(this.http, config, REQUEST_TIMEOUT);
		this.login = this.keystone.login();
	}

	/**
	 * @return the cloud named by {@code OS_CLOUD} / {@code OS_*}, logged in
	 * @throws IllegalStateException when none is configured
	 * @see CloudEnvironment
	 */
	public static RealCloud fromEnvironment() throws IOException, InterruptedException {
		return new RealCloud(CloudEnvironment.cloud());
	}

	/**
	 * @return the second project the multi-project tests need, logged in
	 * @see CloudEnvironment
	 */
	public static RealCloud alternate() throws IOException, InterruptedException {
		return new RealCloud(CloudEnvironment.alternate());
	}

	/**
	 * @param config a cloud, for example another entry of the same clouds.yaml
	 * @return that cloud, logged in
	 */
	public static RealCloud of(CloudConfig config) throws IOException, InterruptedException {
		return new RealCloud(config);
	}

	/**
	 * @return the cloud's Keystone, to validate or revoke a token
	 */
	public Keystone keystone() {
		return this.keystone;
	}

	/**
	 * @return the Keystone token the tests act with, to send to the gateway in
	 * {@code X-Auth-Token}
	 */
	public String token() {
		return this.login.token();
	}

	/**
	 * @return the Keystone endpoint, as configured
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
		return this.login.projectName();
	}

	/**
	 * @return that project's id, as Keystone gave it with the token
	 */
	public String projectId() {
		return this.login.projectId();
	}

	/**
	 * @param serviceType a catalog type, for example {@code compute}
	 * @return its endpoint on the configured interface (and region, when one is
	 * configured), as the gateway picks it
	 */
	public String endpoint(String serviceType) {
		return this.login.catalog().endpoint(serviceType);
	}

	/**
	 * @return the project's servers, as Nova has them
	 */
	public ProjectServers servers() {
		return new ProjectServers(this);
	}

	/**
	 * @param serviceType a catalog type, for example {@code compute}
	 * @param path a path below the service's public endpoint
	 * @return the parsed JSON answer
	 */
	public JsonNode get(String serviceType, String path) throws IOException, InterruptedException {
		HttpResponse<String> response = this.http.send(request(serviceType, path).build(),
				HttpResponse.BodyHandlers.ofString());
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
				HttpRequest.newBuilder(URI.create(url)).header("X-Auth-Token", token()).build(),
				HttpResponse.BodyHandlers.ofString());
		if (response.statusCode() != 200 && response.statusCode() != 300) {
			throw new IllegalStateException(url + " answered " + response.statusCode());
		}
		return JSON.readTree(response.body());
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
		this.http.send(request(serviceType, path).DELETE().build(), HttpResponse.BodyHandlers.discarding());
	}

	private JsonNode send(String serviceType, String path, String method, String contentType, String body)
			throws IOException, InterruptedException {
		HttpResponse<String> response = this.http.send(request(serviceType, path).header("Content-Type", contentType)
			.method(method, HttpRequest.BodyPublishers.ofString(body))
			.build(), HttpResponse.BodyHandlers.ofString());
		if (response.statusCode() >= 300) {
			throw new IllegalStateException(
					method + " " + serviceType + path + " answered " + response.statusCode() + ": " + response.body());
		}
		return response.body().isEmpty() ? JSON.nullNode() : JSON.readTree(response.body());
	}

	private HttpRequest.Builder request(String serviceType, String path) {
		return HttpRequest.newBuilder(URI.create(endpoint(serviceType) + path))
			.header("X-Auth-Token", token())
			.timeout(REQUEST_TIMEOUT);
	}

}
