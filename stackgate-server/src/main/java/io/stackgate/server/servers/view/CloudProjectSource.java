package io.stackgate.server.servers.view;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import io.stackgate.api.NetworkDto;
import io.stackgate.api.ServerDto;
import io.stackgate.server.cloud.CallContext;
import io.stackgate.server.cloud.ComputeClient;
import io.stackgate.server.cloud.FloatingIp;
import io.stackgate.server.cloud.NetworkClient;
import io.stackgate.server.cloud.ServerPort;
import io.stackgate.server.cloud.ServerQuery;

/**
 * {@link ProjectSource} on the Nova and Neutron ports.
 */
final class CloudProjectSource implements ProjectSource {

	private static final ServerQuery EVERY_SERVER = new ServerQuery(null, null, null, null);

	private final ComputeClient compute;

	private final NetworkClient network;

	CloudProjectSource(ComputeClient compute, NetworkClient network) {
		this.compute = compute;
		this.network = network;
	}

	@Override
	public List<ServerDto> servers(CallContext context) {
		return this.compute.listServers(context, EVERY_SERVER).servers();
	}

	@Override
	public List<ServerDto> serversChangedSince(CallContext context, Instant since) {
		return this.compute.listServersChangedSince(context, since);
	}

	@Override
	public List<ServerPort> serverPorts(CallContext context) {
		return this.network.listServerPorts(context);
	}

	@Override
	public List<FloatingIp> floatingIps(CallContext context) {
		return this.network.listFloatingIps(context);
	}

	@Override
	public Map<String, String> networkNames(CallContext context) {
		return this.network.listNetworks(context)
			.stream()
			.filter((network) -> network.name() != null)
			.collect(Collectors.toMap(NetworkDto::id, NetworkDto::name, (first, second) -> first));
	}

}
