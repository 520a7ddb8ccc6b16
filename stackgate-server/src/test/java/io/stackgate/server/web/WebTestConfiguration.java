package io.stackgate.server.web;

import java.util.concurrent.Executor;
import java.util.concurrent.Executors;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;

import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;

import io.stackgate.server.cloud.CloudSession;
import io.stackgate.server.config.StackgateProperties;

/**
 * What web slice tests need besides the controllers: the properties, an executor, metrics and a session.
 */
@TestConfiguration(proxyBeanMethods = false)
@EnableConfigurationProperties(StackgateProperties.class)
public class WebTestConfiguration {

	/** The project of {@link #testSession()}. */
	public static final String PROJECT = "p-demo";

	@Bean
	Executor applicationTaskExecutor() {
		return Executors.newFixedThreadPool(4);
	}

	@Bean
	MeterRegistry meterRegistry() {
		return new SimpleMeterRegistry();
	}

	@Bean
	CloudSession testSession() {
		return () -> PROJECT;
	}

}
