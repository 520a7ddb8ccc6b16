package io.stackgate.server.config;

import java.net.InetAddress;
import java.net.UnknownHostException;

import org.springframework.boot.web.server.ConfigurableWebServerFactory;
import org.springframework.boot.web.server.WebServerFactoryCustomizer;
import org.springframework.stereotype.Component;

/**
 * Binds the HTTP server to {@code stackgate.listen.address} (see {@link StackgateProperties#listenAddress()}) and
 * {@code stackgate.listen.port}.
 */
@Component
class ListenAddressCustomizer implements WebServerFactoryCustomizer<ConfigurableWebServerFactory> {

	private final String address;

	private final int port;

	ListenAddressCustomizer(StackgateProperties properties) {
		this.address = properties.listenAddress();
		this.port = properties.listen().port();
	}

	@Override
	public void customize(ConfigurableWebServerFactory factory) {
		try {
			factory.setAddress(InetAddress.getByName(this.address));
		}
		catch (UnknownHostException ex) {
			throw new IllegalStateException("stackgate.listen.address '" + this.address + "' is not an address", ex);
		}
		factory.setPort(this.port);
	}

}
