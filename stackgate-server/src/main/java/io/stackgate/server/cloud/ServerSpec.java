package io.stackgate.server.cloud;

import java.util.List;
import java.util.Map;

/**
 * A server to create, with flavor, image and networks already resolved to ids.
 *
 * @param name the server name
 * @param flavorId the flavor id
 * @param imageId the image id
 * @param networkIds the ids of the networks to attach, in order
 * @param keyName the keypair to inject, or {@code null}
 * @param securityGroups security group names, empty for Nova's default
 * @param userData plain-text user data, or {@code null}; the adapter encodes it
 * @param availabilityZone the availability zone, or {@code null}
 * @param metadata the server metadata
 */
public record ServerSpec(String name, String flavorId, String imageId, List<String> networkIds, String keyName,
		List<String> securityGroups, String userData, String availabilityZone, Map<String, String> metadata) {
}
