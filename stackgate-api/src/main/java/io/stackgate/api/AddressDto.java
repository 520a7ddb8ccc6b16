package io.stackgate.api;

import com.fasterxml.jackson.annotation.JsonValue;

/**
 * One IP address of a server.
 *
 * @param network the name of the network the address belongs to
 * @param ip the address
 * @param version 4 or 6
 * @param type whether the address is fixed (from a subnet) or floating (NATed from an external network)
 */
public record AddressDto(String network, String ip, int version, Type type) {

	/** How an address is attached, as in Nova's {@code OS-EXT-IPS:type}. */
	public enum Type {

		FIXED, FLOATING;

		@JsonValue
		public String wireName() {
			return name().toLowerCase(java.util.Locale.ROOT);
		}

	}

}
