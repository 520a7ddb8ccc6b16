package io.stackgate.api;

import com.fasterxml.jackson.annotation.JsonValue;
import io.swagger.v3.oas.annotations.media.Schema;

/**
 * One IP address of a server.
 *
 * @param network the name of the network the address belongs to
 * @param ip the address
 * @param version 4 or 6
 * @param type whether the address is fixed (from a subnet) or floating (NATed from an
 * external network)
 */
@Schema(description = "One IP address of a server", requiredProperties = { "network", "ip", "version", "type" })
public record AddressDto(
		@Schema(description = "The name of the network the address belongs to", example = "private") String network,
		@Schema(description = "The address", example = "10.0.0.12") String ip,
		@Schema(description = "The IP version: 4 or 6", example = "4") int version,
		@Schema(description = "fixed: from a subnet of the network; floating: NATed from an external network",
				example = "fixed") Type type) {

	/** How an address is attached, as in Nova's {@code OS-EXT-IPS:type}. */
	public enum Type {

		FIXED, FLOATING;

		@JsonValue
		public String wireName() {
			return name().toLowerCase(java.util.Locale.ROOT);
		}

	}

}
