package io.stackgate.server.cloud.openstack4j;

import java.util.List;
import java.util.Objects;

import org.openstack4j.api.OSClient.OSClientV3;
import org.openstack4j.model.network.IP;
import org.openstack4j.model.network.NetFloatingIP;
import org.openstack4j.model.network.Port;

import io.stackgate.server.cloud.FloatingIp;
import io.stackgate.server.cloud.ServerPort;

/**
 * The project's server ports and floating IPs, as Neutron lists them. Both lists are
 * complete: Neutron paginates only when asked to. {@code changed_since} is not used: the
 * local Neutron (Zed) refuses it on ports and floating IPs with a 400, and both lists are
 * small.
 */
final class NeutronAddresses {

	/** Nova's ports: {@code compute:<availability zone>}. */
	private static final String COMPUTE_OWNER = "compute:";

	private NeutronAddresses() {
	}

	static List<ServerPort> serverPorts(OSClientV3 os) {
		return os.networking()
			.port()
			.list()
			.stream()
			.filter((port) -> port.getDeviceOwner() != null && port.getDeviceOwner().startsWith(COMPUTE_OWNER)
					&& port.getDeviceId() != null && !port.getDeviceId().isEmpty())
			.map(NeutronAddresses::serverPort)
			.toList();
	}

	static List<FloatingIp> floatingIps(OSClientV3 os) {
		return os.networking().floatingip().list().stream().map(NeutronAddresses::floatingIp).toList();
	}

	private static ServerPort serverPort(Port port) {
		List<String> fixedIps = (port.getFixedIps() != null)
				? port.getFixedIps().stream().map(IP::getIpAddress).filter(Objects::nonNull).sorted().toList()
				: List.of();
		return new ServerPort(port.getId(), port.getDeviceId(), port.getNetworkId(), fixedIps);
	}

	private static FloatingIp floatingIp(NetFloatingIP floating) {
		String portId = (floating.getPortId() != null && !floating.getPortId().isEmpty()) ? floating.getPortId() : null;
		return new FloatingIp(floating.getId(), portId, floating.getFixedIpAddress(), floating.getFloatingIpAddress());
	}

}
