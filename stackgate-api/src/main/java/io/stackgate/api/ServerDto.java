package io.stackgate.api;

import java.time.Instant;
import java.util.List;
import java.util.Map;

import io.swagger.v3.oas.annotations.media.Schema;

/**
 * A Nova server (a VM).
 *
 * @param id the server id
 * @param name the server name
 * @param status the server status
 * @param addresses every IP address of the server, over all its networks
 * @param flavor the flavor it was launched with
 * @param image the image it was booted from, {@code null} when it booted from a volume
 * @param created when it was created
 * @param fault why the server is in {@code ERROR}, as Nova reports it; {@code null}
 * otherwise
 * @param metadata the server's metadata; keys starting with {@code stackgate:} are the
 * gateway's own
 */
@Schema(description = "A Nova server (a VM)",
		requiredProperties = { "id", "name", "status", "addresses", "flavor", "image", "created", "fault", "metadata" })
public record ServerDto(
		@Schema(description = "The server id", example = "45744ba9-e81b-42e5-a1b6-e73523e44243") String id,
		@Schema(description = "The server name", example = "web") String name,
		@Schema(description = "The server status, as Nova names it; UNKNOWN for a status this gateway does not "
				+ "know. A launch with wait=true waits until ACTIVE, ERROR, SHUTOFF or DELETED.",
				example = "ACTIVE") ServerStatus status,
		@Schema(description = "Every IP address of the server, over all its networks; empty while it is being "
				+ "built") List<AddressDto> addresses,
		@Schema(description = "The flavor it was launched with") ResourceRefDto flavor,
		@Schema(description = "The image it was booted from; null when it booted from a volume") ResourceRefDto image,
		@Schema(description = "When it was created (UTC)", example = "2026-11-27T05:34:30Z") Instant created,
		@Schema(description = "Why the server is in ERROR, as Nova reports it; null otherwise", types = {
				"string", "null" }, example = "No valid host was found.") String fault,
		@Schema(description = "The server's metadata; keys starting with 'stackgate:' are the gateway's own",
				example = "{\"role\": \"web\"}") Map<String, String> metadata){

	/**
	 * @return this server in another status
	 */
	public ServerDto withStatus(ServerStatus status) {
		return new ServerDto(this.id, this.name, status, this.addresses, this.flavor, this.image, this.created,
				this.fault, this.metadata);
	}

	/**
	 * @return this server with other addresses
	 */
	public ServerDto withAddresses(List<AddressDto> addresses) {
		return new ServerDto(this.id, this.name, this.status, addresses, this.flavor, this.image, this.created,
				this.fault, this.metadata);
	}

	/**
	 * @return this server with another flavor reference, for example one with the
	 * flavor's name
	 */
	public ServerDto withFlavor(ResourceRefDto flavor) {
		return new ServerDto(this.id, this.name, this.status, this.addresses, flavor, this.image, this.created,
				this.fault, this.metadata);
	}

	/**
	 * @return this server with another image reference, for example one with the image's
	 * name
	 */
	public ServerDto withImage(ResourceRefDto image) {
		return new ServerDto(this.id, this.name, this.status, this.addresses, this.flavor, image, this.created,
				this.fault, this.metadata);
	}

}
