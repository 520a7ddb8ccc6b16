package io.stackgate.api;

import java.util.List;

import io.swagger.v3.oas.annotations.media.Schema;

/**
 * A Neutron network a server can be attached to.
 *
 * @param id the network id
 * @param name the network name
 * @param status the Neutron status, for example {@code ACTIVE}
 * @param shared whether other projects may attach to it
 * @param external whether it is an external (provider) network, {@code router:external}
 * @param subnets its subnets; a network without subnets cannot give a server an address
 */
@Schema(description = "A Neutron network a server can be attached to",
		requiredProperties = { "id", "name", "status", "shared", "external", "subnets" })
public record NetworkDto(
		@Schema(description = "The network id", example = "279177ad-4b30-47df-b1a0-d256c558cb1c") String id,
		@Schema(description = "The network name", example = "private") String name,
		@Schema(description = "The Neutron status", example = "ACTIVE") String status,
		@Schema(description = "Whether other projects may attach to it", example = "false") boolean shared,
		@Schema(description = "Whether it is an external (provider) network, router:external; a server cannot "
				+ "be attached to one that is not also shared", example = "false") boolean external,
		@Schema(description = "Its subnets; a network without subnets cannot give a server an address") List<SubnetDto> subnets) {
}
