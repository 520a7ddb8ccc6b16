package io.stackgate.api;

import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.annotation.JsonProperty;

/**
 * The body of {@code POST /api/v1/servers}: what to launch. Flavor, image and networks are each given by id
 * or by name.
 *
 * @param name the server name; with {@code count > 1} each server gets {@code name-1}, {@code name-2}, ...
 * @param flavor flavor id or name
 * @param image image id or name
 * @param networks network ids or names, at least one
 * @param keyName the Nova keypair to inject, optional
 * @param securityGroups security group names, optional (Nova's default group when absent)
 * @param userData plain-text user data (for example a cloud-init file); the gateway base64-encodes it
 * @param availabilityZone the availability zone, optional
 * @param metadata server metadata, optional
 * @param count how many servers to launch, 1 when absent
 */
public record CreateServerRequest(String name, String flavor, String image, List<String> networks,
		@JsonProperty("key_name") String keyName, @JsonProperty("security_groups") List<String> securityGroups,
		@JsonProperty("user_data") String userData, @JsonProperty("availability_zone") String availabilityZone, Map<String, String> metadata,
		Integer count) {
}
