package io.stackgate.server.config;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import io.stackgate.cloudconfig.CloudConfig;
import io.stackgate.cloudconfig.CloudConfigLoader;

/**
 * Reads the cloud to talk to from {@code clouds.yaml} or {@code OS_*} variables, once, at
 * start-up.
 */
@Configuration(proxyBeanMethods = false)
class CloudConfiguration {

	@Bean
	CloudConfig cloudConfig() {
		return CloudConfigLoader.forThisProcess().load();
	}

}
