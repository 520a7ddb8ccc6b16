package io.stackgate.itsupport;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

import io.stackgate.cloudconfig.CaCertificates;
import io.stackgate.cloudconfig.CloudConfig;
import io.stackgate.cloudconfig.DomainRef;

/**
 * Keystone v3 as the integration tests and the benchmarks use it: a password login as the
 * cloud's user, scoped to its project, with the catalog that comes with the token; the
 * validation and the revocation of a token.
 */
public final class Keystone {

	private static final JsonMapper JSON = JsonMapper.builder().build();

	/**
	 * A project-scoped token and what came with it.
	 *
	 * @param token the token, for {@code X-Auth-Token}
	 * @param projectId its project's id
	 * @param projectName its project's name
	 * @param catalog the service catalog
	 */
	public record Login(String token, String projectId, String projectName, ServiceCatalog catalog) {
	}

	private final HttpClient http;

	private final CloudConfig cloud;

	private final Duration timeout;

	/**
	 * @param http the client to call Keystone with, for example {@link #httpClient}
	 * @param cloud the cloud and its user
	 * @param timeout how long each request may take
	 */
	public Keystone(HttpClient http, CloudConfig cloud, Duration timeout) {
		this.http = http;
		this.cloud = cloud;
		this.timeout = timeout;
	}

	/**
	 * @param cloud a cloud
	 * @return an HTTP client that trusts the cloud's CA ({@code cacert}) when it has one
	 */
	public static HttpClient httpClient(CloudConfig cloud) {
		HttpClient.Builder http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5));
		if (cloud.caCert() != null) {
			http.sslContext(CaCertificates.sslContext(cloud.caCert()));
		}
		return http.build();
	}

	/**
	 * @return the Keystone v3 endpoint, without a trailing slash
	 */
	public String authUrl() {
		String url = this.cloud.authUrl().replaceAll("/+$", "");
		return url.endsWith("/v3") ? url : url + "/v3";
	}

	/**
	 * Logs in with the user's password ({@code POST /v3/auth/tokens}).
	 * @return the token, scoped to the cloud's project
	 * @throws IllegalStateException when Keystone does not answer 201
	 */
	public Login login() throws IOException, InterruptedException {
		HttpResponse<String> response = this.http.send(tokens().header("Content-Type", "application/json")
			.POST(HttpRequest.BodyPublishers.ofString(JSON.writeValueAsString(passwordAuth())))
			.build(), HttpResponse.BodyHandlers.ofString());
		if (response.statusCode() != 201) {
			throw new IllegalStateException(
					"Keystone at " + authUrl() + " answered " + response.statusCode() + " to the login of "
							+ this.cloud.username() + " (" + this.cloud.source() + "): " + response.body());
		}
		String token = response.headers()
			.firstValue("X-Subject-Token")
			.orElseThrow(() -> new IllegalStateException("Keystone answered a login without X-Subject-Token"));
		JsonNode issued = JSON.readTree(response.body()).path("token");
		return new Login(token, issued.path("project").path("id").asString(),
				issued.path("project").path("name").asString(),
				new ServiceCatalog(issued.path("catalog"), this.cloud.endpointInterface(), this.cloud.regionName()));
	}

	/**
	 * Has Keystone validate a token ({@code GET /v3/auth/tokens}), as the gateway does
	 * with a caller's token.
	 * @param token the token to validate, with itself
	 * @throws IllegalStateException when Keystone does not answer 200
	 */
	public void validate(String token) throws IOException, InterruptedException {
		expect(200, "a validation", tokens().header("X-Auth-Token", token).header("X-Subject-Token", token).GET());
	}

	/**
	 * Revokes a token ({@code DELETE /v3/auth/tokens}), as its holder.
	 * @param token the token to revoke
	 * @throws IllegalStateException when Keystone does not answer 204
	 */
	public void revoke(String token) throws IOException, InterruptedException {
		expect(204, "a revocation", tokens().header("X-Auth-Token", token).header("X-Subject-Token", token).DELETE());
	}

	private HttpRequest.Builder tokens() {
		return HttpRequest.newBuilder(URI.create(authUrl() + "/auth/tokens")).timeout(this.timeout);
	}

	private void expect(int status, String what, HttpRequest.Builder request) throws IOException, InterruptedException {
		HttpResponse<Void> response = this.http.send(request.build(), HttpResponse.BodyHandlers.discarding());
		if (response.statusCode() != status) {
			throw new IllegalStateException("Keystone answered " + response.statusCode() + " to " + what);
		}
	}

	private ObjectNode passwordAuth() {
		ObjectNode body = JSON.createObjectNode();
		ObjectNode auth = body.putObject("auth");
		ObjectNode identity = auth.putObject("identity");
		identity.putArray("methods").add("password");
		ObjectNode user = identity.putObject("password").putObject("user");
		user.put("name", this.cloud.username()).put("password", this.cloud.password());
		domain(user.putObject("domain"), this.cloud.userDomain());
		ObjectNode project = auth.putObject("scope").putObject("project");
		if (this.cloud.projectId() != null) {
			project.put("id", this.cloud.projectId());
		}
		else {
			project.put("name", this.cloud.projectName());
			domain(project.putObject("domain"), this.cloud.projectDomain());
		}
		return body;
	}

	private static void domain(ObjectNode node, DomainRef domain) {
		if (domain.id() != null) {
			node.put("id", domain.id());
		}
		else {
			node.put("name", domain.name());
		}
	}

}
