package io.stackgate.itsupport;

import tools.jackson.databind.JsonNode;

/**
 * The service catalog Keystone gives with a token, read as the gateway reads it: the
 * endpoint of the cloud's interface, in its region when one is configured.
 *
 * @param services the catalog ({@code token.catalog})
 * @param endpointInterface the interface to use: {@code public}, {@code internal} or
 * {@code admin} ({@code publicURL} and the like, as older clouds.yaml files say, too)
 * @param region the region, or {@code null} for any
 */
public record ServiceCatalog(JsonNode services, String endpointInterface, String region) {

	/**
	 * @param type a service type, for example {@code compute}
	 * @return the URL of its endpoint, without a trailing slash; Glance's and Neutron's
	 * without their API version, which the catalog may or may not carry (callers add
	 * {@code /v2} and {@code /v2.0})
	 * @throws IllegalStateException when the catalog has no such endpoint
	 */
	public String endpoint(String type) {
		String wanted = this.endpointInterface.replace("URL", "");
		for (JsonNode service : this.services) {
			if (!type.equals(service.path("type").asString())) {
				continue;
			}
			for (JsonNode endpoint : service.path("endpoints")) {
				if (wanted.equals(endpoint.path("interface").asString()) && inRegion(endpoint)) {
					return unversioned(type, endpoint.path("url").asString().replaceAll("/+$", ""));
				}
			}
		}
		throw new IllegalStateException("No " + wanted + " " + type + " endpoint"
				+ ((this.region != null) ? " in region " + this.region : "") + " in the catalog");
	}

	private boolean inRegion(JsonNode endpoint) {
		return this.region == null || this.region.equals(endpoint.path("region_id").asString(null))
				|| this.region.equals(endpoint.path("region").asString(null));
	}

	private static String unversioned(String type, String url) {
		return switch (type) {
			case "image" -> url.replaceAll("/v2(\\.\\d+)?$", "");
			case "network" -> url.replaceAll("/v2\\.0$", "");
			default -> url;
		};
	}

}
