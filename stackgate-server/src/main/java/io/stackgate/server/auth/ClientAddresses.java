package io.stackgate.server.auth;

import java.net.InetAddress;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

import jakarta.servlet.http.HttpServletRequest;

/**
 * Finds the client's address: the peer's, unless the peer is a trusted proxy; then the right-most address of
 * {@code X-Forwarded-For} that is not a trusted proxy (each proxy appends the address it got the request from,
 * so everything left of the last untrusted hop could have been written by the client).
 */
class ClientAddresses {

	static final String FORWARDED_FOR = "X-Forwarded-For";

	/** The request attribute with the client address, {@code null} when it could not be told. */
	static final String ATTRIBUTE = ClientAddresses.class.getName() + ".client";

	private final List<Cidr> trustedProxies;

	ClientAddresses(List<Cidr> trustedProxies) {
		this.trustedProxies = List.copyOf(trustedProxies);
	}

	/**
	 * @return the client's address, or {@code null} when a trusted proxy forwarded something that is not an
	 * address
	 */
	InetAddress resolve(HttpServletRequest request) {
		InetAddress peer = Cidr.literal(request.getRemoteAddr());
		if (peer == null || !isTrusted(peer)) {
			return peer;
		}
		List<String> hops = new ArrayList<>();
		for (String header : Collections.list(request.getHeaders(FORWARDED_FOR))) {
			for (String hop : header.split(",")) {
				if (!hop.isBlank()) {
					hops.add(hop.strip());
				}
			}
		}
		InetAddress client = peer;
		for (int i = hops.size() - 1; i >= 0; i--) {
			client = Cidr.literal(hops.get(i));
			if (client == null || !isTrusted(client)) {
				return client;
			}
		}
		return client;
	}

	private boolean isTrusted(InetAddress address) {
		return this.trustedProxies.stream().anyMatch((proxy) -> proxy.contains(address));
	}

	/** @return the client address that {@link SourceFilter} found, as text, {@code unknown} when none */
	static String of(HttpServletRequest request) {
		Object client = request.getAttribute(ATTRIBUTE);
		return (client instanceof InetAddress address) ? address.getHostAddress() : "unknown";
	}

}
