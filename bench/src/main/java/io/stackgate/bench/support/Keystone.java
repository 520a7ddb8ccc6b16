package io.stackgate.bench.support;

import java.net.URI;
import java.net.http.HttpResponse;

import io.stackgate.cloudconfig.CloudConfig;
import io.stackgate.cloudconfig.DomainRef;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * Keystone v3 password authentication as the cloud's user, scoped to its project, and the
 * catalog it returns.
 */
public final class Keystone {

	/** A token, its project and its service catalog. */
	public record Login(String token, String projectId, JsonNode catalog) {
	}

	private final Http http;

	private final CloudConfig cloud;

	public Keystone(Http http, CloudConfig cloud) {
		this.http = http;
		this.cloud = cloud;
	}

	public CloudConfig cloud() {
		return this.cloud;
	}

	/** The Keystone v3 endpoint, without a trailing slash. */
	public String authUrl() {
		String url = this.cloud.authUrl().replaceAll("/+$", "");
		return url.endsWith("/v3") ? url : url + "/v3";
	}

	public Login login() {
		HttpResponse<String> response = this.http.exchange(
				this.http.request("POST", URI.create(authUrl() + "/auth/tokens"), Json.write(passwordAuth())).build());
		JsonNode token = Json.field(Json.read(Http.expect(response, 201)), "token");
		String id = response.headers()
			.firstValue("X-Subject-Token")
			.orElseThrow(() -> new BenchFailure("Keystone answered without X-Subject-Token"));
		return new Login(id, Json.string(Json.field(token, "project"), "id"), Json.field(token, "catalog"));
	}

	/**
	 * @return the URL of a service of the catalog, for the cloud's interface and region,
	 * without a trailing slash; Glance's and Neutron's without their API version (the
	 * catalog may or may not carry it; the benches add it)
	 */
	public String endpoint(JsonNode catalog, String type) {
		String wanted = this.cloud.endpointInterface().replace("URL", "");
		String region = this.cloud.regionName();
		for (JsonNode service : Json.list(catalog)) {
			if (!type.equals(service.path("type").asString())) {
				continue;
			}
			for (JsonNode endpoint : Json.list(Json.field(service, "endpoints"))) {
				boolean sameRegion = region == null || region.equals(endpoint.path("region_id").asString(null))
						|| region.equals(endpoint.path("region").asString(null));
				if (wanted.equals(endpoint.path("interface").asString()) && sameRegion) {
					return unversioned(type, Json.string(endpoint, "url").replaceAll("/+$", ""));
				}
			}
		}
		throw new BenchFailure("no " + wanted + " '" + type + "' endpoint"
				+ ((region != null) ? " in region " + region : "") + " in the catalog");
	}

	private static String unversioned(String type, String url) {
		return switch (type) {
			case "image" -> url.replaceAll("/v2(\\.\\d+)?$", "");
			case "network" -> url.replaceAll("/v2\\.0$", "");
			default -> url;
		};
	}

	private ObjectNode passwordAuth() {
		ObjectNode body = Json.MAPPER.createObjectNode();
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
