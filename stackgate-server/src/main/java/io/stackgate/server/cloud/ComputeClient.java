package io.stackgate.server.cloud;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.OptionalInt;

import io.stackgate.api.FlavorDto;
import io.stackgate.api.ServerDto;

/**
 * What the gateway needs from Nova. Every list is complete: implementations walk all
 * pages. Failures are {@link CloudException}s.
 */
public interface ComputeClient {

	/**
	 * @return the flavors the project may use
	 */
	List<FlavorDto> listFlavors(CallContext context);

	/**
	 * @return one page of the project's servers; flavor and image names are not filled in
	 */
	ServerPage listServers(CallContext context, ServerQuery query);

	/**
	 * @param since the earliest change to include; Nova's resolution is one second
	 * @return every server of the project changed since then, deleted ones included
	 * (status {@code DELETED}); flavor and image names are not filled in
	 */
	List<ServerDto> listServersChangedSince(CallContext context, Instant since);

	/**
	 * @return how many metadata items a server of the project may have (Nova's
	 * {@code metadata_items} quota), or empty when there is no limit
	 */
	OptionalInt maxServerMetadataItems(CallContext context);

	/**
	 * @return the server, or empty when the project has no server with this id
	 */
	Optional<ServerDto> findServer(CallContext context, String serverId);

	/**
	 * Asks Nova to create a server. Never retried: Nova's create is not idempotent.
	 * @return the new server's id; the server is being built
	 */
	String createServer(CallContext context, ServerSpec spec);

	/**
	 * Asks Nova to delete a server.
	 * @throws CloudException of kind {@code NOT_FOUND} when the project has no server
	 * with this id
	 */
	void deleteServer(CallContext context, String serverId);

}
