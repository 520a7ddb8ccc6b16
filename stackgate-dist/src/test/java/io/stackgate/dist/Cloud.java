package io.stackgate.dist;

import java.io.IOException;
import java.io.Reader;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;

import org.yaml.snakeyaml.Yaml;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The cloud the ITs run against: OS_CLIENT_CONFIG_FILE + OS_CLOUD (eval "$(devcloud/env)"). Talks to Keystone and Nova
 * directly, to get tokens for the gateway and to check what the gateway did.
 *
 * @param cloudsYaml the clouds.yaml
 * @param name the cloud in it
 * @param auth its auth section
 */
record Cloud(Path cloudsYaml, String name, Map<String, Object> auth) {

	static final JsonMapper JSON = JsonMapper.builder().build();

	static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();

	/** The cloud of the environment, empty when none is configured (the cloud tests are then skipped). */
	static Optional<Cloud> fromEnvironment() {
		String file = System.getenv("OS_CLIENT_CONFIG_FILE");
		String name = System.getenv("OS_CLOUD");
		if (file == null || name == null || !Files.isReadable(Path.of(file))) {
			return Optional.empty();
		}
		return named(Path.of(file), name);
	}

	/** Another cloud of the same clouds.yaml, for example devcloud-admin. */
	static Optional<Cloud> named(Path cloudsYaml, String name) {
		try (Reader reader = Files.newBufferedReader(cloudsYaml)) {
			Map<String, Object> doc = new Yaml().load(reader);
			@SuppressWarnings("unchecked")
			Map<String, Object> clouds = (Map<String, Object>) doc.get("clouds");
			@SuppressWarnings("unchecked")
			Map<String, Object> cloud = (clouds != null) ? (Map<String, Object>) clouds.get(name) : null;
			if (cloud == null) {
				return Optional.empty();
			}
			@SuppressWarnings("unchecked")
			Map<String, Object> auth = (Map<String, Object>) cloud.get("auth");
			return Optional.of(new Cloud(cloudsYaml, name, auth));
		}
		catch (IOException ex) {
			throw new AssertionError("cannot read " + cloudsYaml, ex);
		}
	}

	/** A project-scoped Keystone token and the service catalog that came with it. */
	record Token(String id, JsonNode catalog) {

		/** The public endpoint of a service type, for example compute. */
		String endpoint(String type) {
			for (JsonNode service : catalog) {
				if (type.equals(service.path("type").asString())) {
					for (JsonNode ep : service.path("endpoints")) {
						if ("public".equals(ep.path("interface").asString())) {
							return ep.path("url").asString().replaceAll("/+$", "");
						}
					}
				}
			}
			throw new AssertionError("no public " + type + " endpoint in the catalog");
		}

	}

	Token token() {
		String body = """
				{"auth": {"identity": {"methods": ["password"], "password": {"user": {
				  "name": %s, "domain": {"name": %s}, "password": %s}}},
				 "scope": {"project": {"name": %s, "domain": {"name": %s}}}}}"""
			.formatted(q(auth.get("username")), q(auth.getOrDefault("user_domain_name", "Default")),
					q(auth.get("password")), q(auth.get("project_name")),
					q(auth.getOrDefault("project_domain_name", "Default")));
		String url = String.valueOf(auth.get("auth_url")).replaceAll("/+$", "");
		if (!url.endsWith("/v3")) {
			url += "/v3";
		}
		HttpResponse<String> response = send(HttpRequest.newBuilder(URI.create(url + "/auth/tokens"))
			.header("Content-Type", "application/json")
			.POST(HttpRequest.BodyPublishers.ofString(body))
			.build());
		if (response.statusCode() != 201) {
			throw new AssertionError("Keystone login as " + auth.get("username") + " failed: " + response.statusCode()
					+ " " + response.body());
		}
		String id = response.headers().firstValue("X-Subject-Token").orElseThrow();
		return new Token(id, JSON.readTree(response.body()).path("token").path("catalog"));
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

	private static String q(Object value) {
		return JSON.writeValueAsString(String.valueOf(value));
	}

}
