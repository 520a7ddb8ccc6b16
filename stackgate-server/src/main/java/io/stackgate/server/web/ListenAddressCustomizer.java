package io.stackgate.server.web;

import java.net.InetAddress;
import java.net.UnknownHostException;

import org.springframework.boot.web.server.ConfigurableWebServerFactory;
import org.springframework.boot.web.server.WebServerFactoryCustomizer;
import org.springframework.stereotype.Component;

/**
 * Binds the HTTP server to the {@link ListenAddress} (from
 * {@code stackgate.listen.address} and {@code stackgate.listen.port}, with a default that
 * depends on the auth mode).
 */
@Component
class ListenAddressCustomizer implements WebServerFactoryCustomizer<ConfigurableWebServerFactory> {

	private final ListenAddress listen;

	ListenAddressCustomizer(ListenAddress listen) {
		this.listen = listen;
	}

	@Override
	public void customize(ConfigurableWebServerFactory factory) {
		try {
			factory.setAddress(InetAddress.getByName(this.listen.address()));
		}
		catch (UnknownHostException ex) {
			throw new IllegalStateException(
					"stackgate.listen.address '" + this.listen.address() + "' is not an address", ex);
		}
		factory.setPort(this.listen.port());
	}

}
