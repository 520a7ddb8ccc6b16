package io.stackgate.api;

import com.fasterxml.jackson.annotation.JsonProperty;

/**
 * A Neutron subnet of a network.
 *
 * @param id the subnet id
 * @param name the subnet name
 * @param cidr the address range, for example {@code 10.0.0.0/24}
 * @param ipVersion 4 or 6
 */
public record SubnetDto(String id, String name, String cidr, @JsonProperty("ip_version") int ipVersion) {
}
