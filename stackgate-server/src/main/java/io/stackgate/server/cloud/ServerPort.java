package io.stackgate.server.cloud;

import java.util.List;

/**
 * A Neutron port of a server, as the live server view needs it.
 *
 * @param id the port id
 * @param serverId the server it is attached to ({@code device_id})
 * @param networkId the network it is on
 * @param fixedIps its fixed addresses, in Neutron's order
 */
public record ServerPort(String id, String serverId, String networkId, List<String> fixedIps) {
}
