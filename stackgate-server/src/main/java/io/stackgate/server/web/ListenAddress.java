package io.stackgate.server.web;

import java.net.InetAddress;
import java.net.UnknownHostException;

/**
 * Where the HTTP server binds, once the default that depends on the auth mode is applied
 * (see {@link ListenProperties#resolve}).
 *
 * @param address an address or host name
 * @param port the TCP port, 0 for any free port
 */
public record ListenAddress(String address, int port) {

	/**
	 * @return whether the address is a loopback address ({@code 127.0.0.0/8},
	 * {@code ::1}, {@code localhost})
	 */
	public boolean isLoopback() {
		try {
			return InetAddress.getByName(this.address).isLoopbackAddress();
		}
		catch (UnknownHostException ex) {
			return false;
		}
	}

	@Override
	public String toString() {
		return this.address;
	}

}
