package io.stackgate.server.auth;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.regex.Pattern;

import jakarta.servlet.http.HttpServletRequest;

/**
 * The client's address, as {@link SourceFilter} found it: the peer's, or, behind a
 * trusted proxy, the one Tomcat's {@code RemoteIpFilter} took from
 * {@code X-Forwarded-For}.
 */
final class ClientAddresses {

	/**
	 * The request attribute with the client address, {@code null} when it is not an IP
	 * address.
	 */
	static final String ATTRIBUTE = ClientAddresses.class.getName() + ".client";

	private static final Pattern IPV4 = Pattern.compile("\\d{1,3}(\\.\\d{1,3}){3}");

	private static final Pattern IPV6 = Pattern.compile("[0-9A-Fa-f:.]*:[0-9A-Fa-f:.]*");

	private ClientAddresses() {
	}

	/**
	 * Parses an IP address literal, never looking up a host name (a proxy may forward
	 * anything).
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
		catch (UnknownHostException ex) {
			return null;
		}
	}

	/**
	 * @return the client address that {@link SourceFilter} found, as text,
	 * {@code unknown} when none
	 */
	static String of(HttpServletRequest request) {
		Object client = request.getAttribute(ATTRIBUTE);
		return (client instanceof InetAddress address) ? address.getHostAddress() : "unknown";
	}

}
