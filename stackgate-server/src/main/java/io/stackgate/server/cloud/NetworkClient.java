package io.stackgate.server.cloud;

import java.util.List;

import io.stackgate.api.NetworkDto;

/**
 * What the gateway needs from Neutron. Failures are {@link CloudException}s.
 */
public interface NetworkClient {

	/**
	 * @return every network the project sees, with its subnets, all pages walked
	 */
	List<NetworkDto> listNetworks(CallContext context);

	/**
	 * @return the project's ports that belong to servers
	 */
	List<ServerPort> listServerPorts(CallContext context);

	/**
	 * @return the project's floating IPs
	 */
	List<FloatingIp> listFloatingIps(CallContext context);

}
