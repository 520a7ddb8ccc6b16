package io.stackgate.api;

import java.time.Instant;
import java.util.List;
import java.util.Map;

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
 * @param fault why the server is in {@code ERROR}, as Nova reports it; {@code null} otherwise
 * @param metadata the server's metadata; keys starting with {@code stackgate:} are the gateway's own
 */
public record ServerDto(String id, String name, ServerStatus status, List<AddressDto> addresses,
		ResourceRefDto flavor, ResourceRefDto image, Instant created, String fault, Map<String, String> metadata) {
}
