package io.stackgate.server.cloud.openstack4j;

import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import org.openstack4j.model.network.Network;
import org.openstack4j.model.network.Subnet;

import io.stackgate.api.NetworkDto;
import io.stackgate.api.SubnetDto;
import io.stackgate.server.cloud.CallContext;
import io.stackgate.server.cloud.FloatingIp;
import io.stackgate.server.cloud.NetworkClient;
import io.stackgate.server.cloud.OpenStackService;
import io.stackgate.server.cloud.ServerPort;

/**
 * {@link NetworkClient} on openstack4j's Neutron API.
 */
class NeutronNetworks implements NetworkClient {

	private final UpstreamCalls calls;

	NeutronNetworks(UpstreamCalls calls) {
		this.calls = calls;
	}

	@Override
	public List<NetworkDto> listNetworks(CallContext context) {
		return this.calls.read(context, OpenStackService.NETWORK, (os) -> {
			List<Network> networks = Pages.walk((query) -> os.networking().network().list(query), Network::getId);
			Map<String, List<SubnetDto>> subnets = os.networking()
				.subnet()
				.list()
				.stream()
				.collect(Collectors.groupingBy(Subnet::getNetworkId,
						Collectors.mapping(ModelMapper::subnet, Collectors.toList())));
			return networks.stream()
				.map((network) -> ModelMapper.network(network, subnets.getOrDefault(network.getId(), List.of())))
				.toList();
		});
	}

	@Override
	public List<ServerPort> listServerPorts(CallContext context) {
		return this.calls.read(context, OpenStackService.NETWORK, NeutronAddresses::serverPorts);
	}

	@Override
	public List<FloatingIp> listFloatingIps(CallContext context) {
		return this.calls.read(context, OpenStackService.NETWORK, NeutronAddresses::floatingIps);
	}

}
