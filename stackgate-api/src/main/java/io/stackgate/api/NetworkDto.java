package io.stackgate.api;

import java.util.List;

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
public record NetworkDto(String id, String name, String status, boolean shared, boolean external,
		List<SubnetDto> subnets) {
}
