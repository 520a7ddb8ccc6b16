package io.stackgate.api;

import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.annotation.JsonProperty;
import io.swagger.v3.oas.annotations.media.ArraySchema;
import io.swagger.v3.oas.annotations.media.Schema;

/**
 * The body of {@code POST /api/v1/servers}: what to launch. Flavor, image and networks
 * are each given by id or by name.
 *
 * @param name the server name; with {@code count > 1} each server gets {@code name-1},
 * {@code name-2}, ...
 * @param flavor flavor id or name
 * @param image image id or name
 * @param networks network ids or names, at least one
 * @param keyName the Nova keypair to inject, optional
 * @param securityGroups security group names, optional (Nova's default group when absent)
 * @param userData plain-text user data (for example a cloud-init file); the gateway
 * base64-encodes it
 * @param availabilityZone the availability zone, optional
 * @param metadata server metadata, optional
 * @param count how many servers to launch, 1 when absent
 */
@Schema(description = "What to launch. Flavor, image and networks are each given by id or by name; a name must "
		+ "match exactly one object the project can see. Unknown fields are refused (400).",
		requiredProperties = { "name", "flavor", "image", "networks" })
public record CreateServerRequest(
		@Schema(description = "The server name; with count > 1 the servers are named name-1, name-2, ...",
				example = "web", minLength = 1, maxLength = 255, pattern = WireFormats.NAME) String name,
		@Schema(description = "Flavor id or name", example = "m1.nano", minLength = 1, maxLength = 255,
				pattern = WireFormats.NAME) String flavor,
		@Schema(description = "Image id or name", example = "cirros-fake-raw", minLength = 1, maxLength = 255,
				pattern = WireFormats.NAME) String image,
		@ArraySchema(
				arraySchema = @Schema(
						description = "Network ids or names; the server gets a port on each, " + "in this order"),
				minItems = 1,
				schema = @Schema(description = "Network id or name", example = "private", minLength = 1,
						maxLength = 255, pattern = WireFormats.NAME)) List<String> networks,
		@Schema(description = "The Nova keypair whose public key is injected; none when absent", example = "my-key",
				minLength = 1, maxLength = 255, pattern = WireFormats.NAME) @JsonProperty("key_name") String keyName,
		@ArraySchema(
				arraySchema = @Schema(
						description = "Security group names or ids; Nova's default group " + "when absent"),
				schema = @Schema(description = "Security group name or id", example = "default", minLength = 1,
						maxLength = 255,
						pattern = WireFormats.NAME)) @JsonProperty("security_groups") List<String> securityGroups,
		@Schema(description = "Plain-text user data, for example a cloud-init file; the gateway base64-encodes "
				+ "it. Nova takes at most 65535 bytes once encoded: 49149 bytes of UTF-8, so fewer characters "
				+ "when some are not ASCII.", example = "#cloud-config\nhostname: web\n",
				maxLength = 49149) @JsonProperty("user_data") String userData,
		@Schema(description = "The availability zone; Nova's default when absent", example = "nova", minLength = 1,
				maxLength = 255, pattern = WireFormats.NAME) @JsonProperty("availability_zone") String availabilityZone,
		@Schema(description = "Server metadata: keys of 1 to 255 characters, not starting with 'stackgate:' "
				+ "(the gateway's own), values of at most 255 characters",
				example = "{\"role\": \"web\"}") Map<String, String> metadata,
		@Schema(description = "How many servers to launch; at most stackgate.launch.max-count", minimum = "1",
				defaultValue = "1", example = "1") Integer count) {

	/**
	 * @return the same request for another number of servers
	 */
	public CreateServerRequest withCount(Integer count) {
		return new CreateServerRequest(this.name, this.flavor, this.image, this.networks, this.keyName,
				this.securityGroups, this.userData, this.availabilityZone, this.metadata, count);
	}

	/**
	 * @return the same request under another name
	 */
	public CreateServerRequest withName(String name) {
		return new CreateServerRequest(name, this.flavor, this.image, this.networks, this.keyName, this.securityGroups,
				this.userData, this.availabilityZone, this.metadata, this.count);
	}

}
