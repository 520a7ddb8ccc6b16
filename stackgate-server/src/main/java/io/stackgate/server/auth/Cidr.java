package io.stackgate.server.auth;

import java.net.InetAddress;
import java.util.regex.Pattern;

/**
 * A network in CIDR notation ({@code 10.0.0.0/8}, {@code fd00::/8}) or a single address.
 *
 * @param network the network's address bytes
 * @param prefixLength how many leading bits an address must share with it
 */
record Cidr(byte[] network, int prefixLength) {

	private static final Pattern IPV4 = Pattern.compile("\\d{1,3}(\\.\\d{1,3}){3}");

	private static final Pattern IPV6 = Pattern.compile("[0-9A-Fa-f:.]*:[0-9A-Fa-f:.]*");

	/**
	 * @param cidr an address or a network in CIDR notation
	 * @return the network
	 * @throws IllegalArgumentException when it is neither
	 */
	static Cidr parse(String cidr) {
		String text = cidr.strip();
		int slash = text.indexOf('/');
		InetAddress address = literal((slash < 0) ? text : text.substring(0, slash));
		if (address == null) {
			throw new IllegalArgumentException("'" + cidr + "' is not an IP address or network");
		}
		int bits = address.getAddress().length * 8;
		int prefix;
		try {
			prefix = (slash < 0) ? bits : Integer.parseInt(text.substring(slash + 1));
		}
		catch (NumberFormatException ex) {
			throw new IllegalArgumentException("'" + cidr + "' has no valid prefix length");
		}
		if (prefix < 0 || prefix > bits) {
			throw new IllegalArgumentException("'" + cidr + "' has a prefix length outside 0.." + bits);
		}
		return new Cidr(address.getAddress(), prefix);
	}

	/**
	 * Parses an IP address literal, never looking up a host name.
	 * @param text an IPv4 or IPv6 address, IPv6 possibly in brackets
	 * @return the address, or {@code null} when the text is not an IP address
	 */
	static InetAddress literal(String text) {
		String candidate = text.strip();
		if (candidate.startsWith("[") && candidate.endsWith("]")) {
			candidate = candidate.substring(1, candidate.length() - 1);
		}
		if (!IPV4.matcher(candidate).matches() && !IPV6.matcher(candidate).matches()) {
			return null;
		}
		try {
			return InetAddress.getByName(candidate);
		}
		catch (java.net.UnknownHostException ex) {
			return null;
		}
	}

	/** @return whether the address is in this network */
	boolean contains(InetAddress address) {
		byte[] candidate = address.getAddress();
		if (candidate.length != this.network.length) {
			return false;
		}
		int fullBytes = this.prefixLength / 8;
		for (int i = 0; i < fullBytes; i++) {
			if (candidate[i] != this.network[i]) {
				return false;
			}
		}
		int remainingBits = this.prefixLength % 8;
		if (remainingBits == 0) {
			return true;
		}
		int mask = (0xFF << (8 - remainingBits)) & 0xFF;
		return (candidate[fullBytes] & mask) == (this.network[fullBytes] & mask);
	}

}
