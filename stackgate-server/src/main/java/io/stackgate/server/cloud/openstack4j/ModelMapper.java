package io.stackgate.server.cloud.openstack4j;

import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.stream.Stream;

import org.openstack4j.model.compute.Address;
import org.openstack4j.model.compute.Flavor;
import org.openstack4j.model.compute.Server;
import org.openstack4j.model.image.v2.Image;
import org.openstack4j.model.network.Network;
import org.openstack4j.model.network.Subnet;

import io.stackgate.api.AddressDto;
import io.stackgate.api.FlavorDto;
import io.stackgate.api.ImageDto;
import io.stackgate.api.NetworkDto;
import io.stackgate.api.ResourceRefDto;
import io.stackgate.api.ServerDto;
import io.stackgate.api.ServerStatus;
import io.stackgate.api.SubnetDto;

/**
 * Maps openstack4j models to the wire model, in one place.
 */
final class ModelMapper {

	private ModelMapper() {
	}

	static FlavorDto flavor(Flavor flavor) {
		return new FlavorDto(flavor.getId(), flavor.getName(), flavor.getVcpus(), flavor.getRam(), flavor.getDisk());
	}

	static ImageDto image(Image image) {
		String status = (image.getStatus() != null) ? image.getStatus().name().toLowerCase(java.util.Locale.ROOT)
				: null;
		return new ImageDto(image.getId(), image.getName(), status, image.getSize(), toInt(image.getMinDisk()),
				toInt(image.getMinRam()));
	}

	static NetworkDto network(Network network, List<SubnetDto> subnets) {
		String status = (network.getStatus() != null) ? network.getStatus().name() : null;
		return new NetworkDto(network.getId(), network.getName(), status, network.isShared(),
				network.isRouterExternal(), subnets);
	}

	static SubnetDto subnet(Subnet subnet) {
		int ipVersion = (subnet.getIpVersion() != null) ? subnet.getIpVersion().getVersion() : 4;
		return new SubnetDto(subnet.getId(), subnet.getName(), subnet.getCidr(), ipVersion);
	}

	/**
	 * @return the server, with its flavor by id (before microversion 2.47) or by name
	 * (from 2.47, without an id: {@code ServerService} finds it in the project's flavors)
	 */
	static ServerDto server(NovaServerDetail server) {
		ServerStatus status = (server.getStatus() != null) ? ServerStatus.fromNova(server.getStatus().name())
				: ServerStatus.UNKNOWN;
		String fault = (server.getFault() != null) ? server.getFault().getMessage() : null;
		return new ServerDto(server.getId(), server.getName(), status, addresses(server),
				new ResourceRefDto(server.getFlavorId(), server.flavorName()), imageRef(server.getImageId()),
				(server.getCreated() != null) ? server.getCreated().toInstant() : null, fault,
				(server.getMetadata() != null) ? Map.copyOf(server.getMetadata()) : Map.of());
	}

	private static List<AddressDto> addresses(Server server) {
		if (server.getAddresses() == null || server.getAddresses().getAddresses() == null) {
			return List.of();
		}
		Map<String, List<? extends Address>> byNetwork = server.getAddresses().getAddresses();
		return byNetwork.entrySet()
			.stream()
			.sorted(Map.Entry.comparingByKey())
			.flatMap((entry) -> addresses(entry.getKey(), entry.getValue()))
			.toList();
	}

	private static Stream<AddressDto> addresses(String network, List<? extends Address> addresses) {
		return addresses.stream()
			.filter(Objects::nonNull)
			.map((address) -> new AddressDto(network, address.getAddr(), address.getVersion(),
					"floating".equals(address.getType()) ? AddressDto.Type.FLOATING : AddressDto.Type.FIXED))
			.sorted(Comparator.comparing(AddressDto::type));
	}

	private static ResourceRefDto imageRef(String imageId) {
		// Nova shows an empty image for servers booted from a volume.
		return (imageId == null || imageId.isEmpty()) ? null : new ResourceRefDto(imageId, null);
	}

	private static int toInt(Long value) {
		return (value != null) ? value.intValue() : 0;
	}

}
