package io.stackgate.server.cloud;

import java.util.List;
import java.util.Optional;

import io.stackgate.api.FlavorDto;
import io.stackgate.api.ImageDto;
import io.stackgate.api.NetworkDto;
import io.stackgate.api.ServerDto;

/**
 * The operations the gateway needs from OpenStack. Every list is complete: implementations walk all pages.
 * Failures are {@link CloudException}s.
 */
public interface CloudClient {

	/** @return the flavors the project may use */
	List<FlavorDto> listFlavors(CallContext context);

	/** @return the active images the project may boot */
	List<ImageDto> listImages(CallContext context);

	/** @return every network the project sees, with its subnets */
	List<NetworkDto> listNetworks(CallContext context);

	/** @return one page of the project's servers; flavor and image names are not filled in */
	ServerPage listServers(CallContext context, ServerQuery query);

	/** @return the server, or empty when the project has no server with this id */
	Optional<ServerDto> findServer(CallContext context, String serverId);

	/**
	 * Asks Nova to create a server. Never retried: Nova's create is not idempotent.
	 * @return the new server's id; the server is being built
	 */
	String createServer(CallContext context, ServerSpec spec);

	/**
	 * Asks Nova to delete a server.
	 * @throws CloudException of kind {@code NOT_FOUND} when the project has no server with this id
	 */
	void deleteServer(CallContext context, String serverId);

}
