package io.stackgate.cli.server;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import io.stackgate.api.AddressDto;
import io.stackgate.api.ResourceRefDto;
import io.stackgate.api.ServerDto;
import io.stackgate.cli.output.Column;

/**
 * The columns of {@code server list} and the fields of {@code server show}, named as
 * {@code openstack} names them ({@code properties} is the server's metadata).
 */
final class ServerColumns {

	/** {@code openstack server list}'s columns. */
	static final List<Column<ServerDto>> LIST = List.of(Column.of("ID", ServerDto::id),
			Column.of("Name", ServerDto::name), Column.of("Status", ServerColumns::status),
			Column.of("Networks", ServerColumns::networks), Column.of("Image", ServerColumns::imageName),
			Column.of("Flavor", (server) -> name(server.flavor())));

	/** {@code openstack server show}'s fields that the gateway provides. */
	static final List<Column<ServerDto>> SHOW = List.of(Column.of("id", ServerDto::id),
			Column.of("name", ServerDto::name), Column.of("status", ServerColumns::status),
			Column.of("addresses", ServerColumns::networks),
			Column.of("flavor", (server) -> nameAndId(server.flavor())),
			Column.of("image", ServerColumns::imageNameAndId),
			Column.of("created", (server) -> (server.created() != null) ? server.created().toString() : null),
			Column.of("fault", ServerDto::fault), Column.of("properties", ServerColumns::properties));

	private static final String NO_IMAGE = "N/A (booted from volume)";

	private ServerColumns() {
	}

	static String status(ServerDto server) {
		return (server.status() != null) ? server.status().name() : null;
	}

	/**
	 * The addresses by network: {@code {private: [10.0.0.5, fd00::5]}}, shown as
	 * {@code private=10.0.0.5, fd00::5}.
	 */
	static Map<String, List<String>> networks(ServerDto server) {
		Map<String, List<String>> networks = new LinkedHashMap<>();
		if (server.addresses() != null) {
			for (AddressDto address : server.addresses()) {
				networks.computeIfAbsent(address.network(), (network) -> new ArrayList<>()).add(address.ip());
			}
		}
		return networks;
	}

	/**
	 * The metadata, as {@code openstack server show} calls it, without the gateway's own
	 * keys.
	 */
	static Map<String, String> properties(ServerDto server) {
		Map<String, String> properties = new java.util.TreeMap<>();
		if (server.metadata() != null) {
			server.metadata().forEach((key, value) -> {
				if (!key.startsWith("stackgate:")) {
					properties.put(key, value);
				}
			});
		}
		return properties;
	}

	private static String imageName(ServerDto server) {
		return (server.image() != null) ? name(server.image()) : NO_IMAGE;
	}

	private static String imageNameAndId(ServerDto server) {
		return (server.image() != null) ? nameAndId(server.image()) : NO_IMAGE;
	}

	private static String name(ResourceRefDto ref) {
		if (ref == null) {
			return null;
		}
		return (ref.name() != null) ? ref.name() : ref.id();
	}

	private static String nameAndId(ResourceRefDto ref) {
		if (ref == null) {
			return null;
		}
		if (ref.name() == null || ref.id() == null) {
			// A flavor Nova names only by name (microversion 2.47) that the project no
			// longer has has no id.
			return (ref.name() != null) ? ref.name() : ref.id();
		}
		return ref.name() + " (" + ref.id() + ")";
	}

}
