package io.stackgate.api;

import com.fasterxml.jackson.annotation.JsonProperty;
import io.swagger.v3.oas.annotations.media.Schema;

/**
 * A Neutron subnet of a network.
 *
 * @param id the subnet id
 * @param name the subnet name
 * @param cidr the address range, for example {@code 10.0.0.0/24}
 * @param ipVersion 4 or 6
 */
@Schema(description = "A Neutron subnet of a network", requiredProperties = { "id", "name", "cidr", "ip_version" })
public record SubnetDto(
		@Schema(description = "The subnet id", example = "ae35b3f8-f3b7-4820-ad9e-c68248a8fbf0") String id,
		@Schema(description = "The subnet name", example = "private-subnet") String name,
		@Schema(description = "The address range", example = "10.0.0.0/24") String cidr,
		@Schema(description = "The IP version: 4 or 6", example = "4") @JsonProperty("ip_version") int ipVersion) {
}
