package io.stackgate.server.servers.view;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

import io.stackgate.api.AddressDto;
import io.stackgate.api.ServerDto;
import io.stackgate.server.cloud.FloatingIp;
import io.stackgate.server.cloud.ServerPort;

/**
 * The addresses of each server as Neutron has them now: its ports' fixed addresses and
 * the floating IPs associated with them. Nova's copy of them (its network info cache) can
 * lag behind a change made directly through Neutron, such as a floating IP association,
 * and such a change does not always touch the server's {@code updated} time, so the view
 * takes addresses from Neutron for every server that has ports.
 */
final class NetworkState {

	static final NetworkState NONE = new NetworkState(Map.of());

	private static final Comparator<AddressDto> ORDER = Comparator.comparing(AddressDto::network)
		.thenComparing(AddressDto::type);

	private final Map<String, List<AddressDto>> byServer;

	private NetworkState(Map<String, List<AddressDto>> byServer) {
		this.byServer = byServer;
	}

	/**
	 * @param ports the project's server ports
	 * @param floatingIps the project's floating IPs
	 * @param networkNames network names by id; a port on a network missing from it is
	 * named by the network's id
	 */
	static NetworkState of(List<ServerPort> ports, List<FloatingIp> floatingIps, Map<String, String> networkNames) {
		Map<String, List<FloatingIp>> floatingByPort = floatingIps.stream()
			.filter((floating) -> floating.portId() != null && floating.floatingIp() != null)
			.collect(Collectors.groupingBy(FloatingIp::portId));
		Map<String, List<AddressDto>> byServer = new HashMap<>();
		for (ServerPort port : ports) {
			String network = networkNames.getOrDefault(port.networkId(), port.networkId());
			List<AddressDto> addresses = byServer.computeIfAbsent(port.serverId(), (id) -> new ArrayList<>());
			port.fixedIps().forEach((ip) -> addresses.add(address(network, ip, AddressDto.Type.FIXED)));
			floatingByPort.getOrDefault(port.id(), List.of())
				.forEach(
						(floating) -> addresses.add(address(network, floating.floatingIp(), AddressDto.Type.FLOATING)));
		}
		byServer.replaceAll((id, addresses) -> addresses.stream().sorted(ORDER).toList());
		return new NetworkState(Map.copyOf(byServer));
	}

	/**
	 * @return the ids of the networks of these ports that have no name in
	 * {@code networkNames}
	 */
	static Set<String> unnamed(List<ServerPort> ports, Map<String, String> networkNames) {
		return ports.stream()
			.map(ServerPort::networkId)
			.filter((id) -> !networkNames.containsKey(id))
			.collect(Collectors.toSet());
	}

	/**
	 * @return the server with its addresses as Neutron has them, or as it is when it has
	 * no ports
	 */
	ServerDto apply(ServerDto server) {
		List<AddressDto> addresses = this.byServer.get(server.id());
		return (addresses != null) ? server.withAddresses(addresses) : server;
	}

	private static AddressDto address(String network, String ip, AddressDto.Type type) {
		return new AddressDto(network, ip, ip.contains(":") ? 6 : 4, type);
	}

}
