package io.stackgate.server.web;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * Where the HTTP API listens, {@code stackgate.listen.*}.
 *
 * @param address the address to bind, {@code 0.0.0.0} for every interface; when unset,
 * {@code 0.0.0.0} in the {@code keystone} and {@code service} auth modes and
 * {@code 127.0.0.1} in mode {@code none}
 * @param port the TCP port, 0 for any free port
 */
@ConfigurationProperties("stackgate.listen")
@Validated
public record ListenProperties(String address, @Min(0) @Max(65535) @DefaultValue("8080") int port) {

	/** The address bound when callers do not authenticate and no address is set. */
	public static final String LOOPBACK = "127.0.0.1";

	/**
	 * The address bound when callers authenticate and no address is set: every interface.
	 */
	public static final String EVERY_INTERFACE = "0.0.0.0";

	/**
	 * @param callersAuthenticate whether callers authenticate (every auth mode but
	 * {@code none})
	 * @return the address to bind: {@code stackgate.listen.address} when set; otherwise
	 * every interface when callers authenticate, loopback when they do not
	 */
	public ListenAddress resolve(boolean callersAuthenticate) {
		if (this.address != null && !this.address.isBlank()) {
			return new ListenAddress(this.address, this.port);
		}
		return new ListenAddress(callersAuthenticate ? EVERY_INTERFACE : LOOPBACK, this.port);
	}

}
