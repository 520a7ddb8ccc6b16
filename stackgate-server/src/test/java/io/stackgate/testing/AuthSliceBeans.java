package io.stackgate.testing;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;

import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;

import io.stackgate.server.auth.AuthProperties;
import io.stackgate.server.cloud.CloudSession;
import io.stackgate.server.web.ListenProperties;

/**
 * What authentication slice tests need besides the filters: the properties, metrics and
 * the gateway's own session. Outside the gateway's packages, so that only the tests that
 * import it get it.
 */
@TestConfiguration(proxyBeanMethods = false)
@EnableConfigurationProperties({ AuthProperties.class, ListenProperties.class })
public class AuthSliceBeans {

	/** The project of the gateway's own identity. */
	public static final String SERVICE_PROJECT = "p-service";

	@Bean
	MeterRegistry meterRegistry() {
		return new SimpleMeterRegistry();
	}

	@Bean
	CloudSession serviceSession() {
		return () -> SERVICE_PROJECT;
	}

}
