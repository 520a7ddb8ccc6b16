package io.stackgate.testing;

import java.util.concurrent.Executor;
import java.util.concurrent.Executors;

import jakarta.servlet.Filter;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;

import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;

import io.stackgate.server.catalog.CatalogProperties;
import io.stackgate.server.cloud.CloudSession;
import io.stackgate.server.concurrent.SideCalls;
import io.stackgate.server.servers.LaunchProperties;
import io.stackgate.server.web.CallSessions;

/**
 * What web slice tests need besides the controllers: the properties, executors, metrics,
 * and a session that every request calls the cloud with, in place of authentication.
 * Outside the gateway's packages, so that a gateway started by an integration test never
 * scans it.
 */
@TestConfiguration(proxyBeanMethods = false)
@EnableConfigurationProperties({ CatalogProperties.class, LaunchProperties.class })
public class WebTestConfiguration {

	/** The project of {@link #testSession()}. */
	public static final String PROJECT = "p-demo";

	@Bean
	Executor applicationTaskExecutor() {
		return Executors.newFixedThreadPool(4);
	}

	@Bean
	SideCalls sideCalls() {
		return new SideCalls(Executors.newCachedThreadPool());
	}

	@Bean
	MeterRegistry meterRegistry() {
		return new SimpleMeterRegistry();
	}

	@Bean
	CloudSession testSession() {
		return () -> PROJECT;
	}

	@Bean
	Filter testSessionFilter(CloudSession testSession) {
		return (request, response, chain) -> {
			request.setAttribute(CallSessions.ATTRIBUTE, testSession);
			chain.doFilter(request, response);
		};
	}

}
