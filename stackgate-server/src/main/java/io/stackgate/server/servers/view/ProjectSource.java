package io.stackgate.server.servers.view;

import java.time.Instant;
import java.util.List;
import java.util.Map;

import io.stackgate.api.ServerDto;
import io.stackgate.server.cloud.CallContext;
import io.stackgate.server.cloud.FloatingIp;
import io.stackgate.server.cloud.ServerPort;

/**
 * What a view reads from OpenStack, each call with the credentials of the context.
 * Failures are {@link io.stackgate.server.cloud.CloudException}s.
 */
interface ProjectSource {

	/**
	 * @return every server of the project, as Nova lists them
	 */
	List<ServerDto> servers(CallContext context);

	/**
	 * @param since the earliest change to include (Nova's resolution is one second)
	 * @return the servers changed since then, deleted ones included (status
	 * {@code DELETED})
	 */
	List<ServerDto> serversChangedSince(CallContext context, Instant since);

	/**
	 * @return the project's ports that belong to servers
	 */
	List<ServerPort> serverPorts(CallContext context);

	/**
	 * @return the project's floating IPs
	 */
	List<FloatingIp> floatingIps(CallContext context);

	/**
	 * @return the names of the networks the project sees, by id
	 */
	Map<String, String> networkNames(CallContext context);

}
