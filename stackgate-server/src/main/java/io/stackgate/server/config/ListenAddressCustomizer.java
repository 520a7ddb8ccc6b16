package io.stackgate.server.config;

import java.net.InetAddress;
import java.net.UnknownHostException;

import org.springframework.boot.web.server.ConfigurableWebServerFactory;
import org.springframework.boot.web.server.WebServerFactoryCustomizer;
import org.springframework.stereotype.Component;

/**
 * Binds the HTTP server to {@code stackgate.listen.address} and {@code stackgate.listen.port}.
 */
@Component
class ListenAddressCustomizer implements WebServerFactoryCustomizer<ConfigurableWebServerFactory> {

	private final StackgateProperties.Listen listen;

	ListenAddressCustomizer(StackgateProperties properties) {
		this.listen = properties.listen();
	}

	@Override
	public void customize(ConfigurableWebServerFactory factory) {
		try {
			factory.setAddress(InetAddress.getByName(this.listen.address()));
		}
		catch (UnknownHostException ex) {
			throw new IllegalStateException("stackgate.listen.address '" + this.listen.address() + "' is not an address",
					ex);
		}
		factory.setPort(this.listen.port());
	}

}
