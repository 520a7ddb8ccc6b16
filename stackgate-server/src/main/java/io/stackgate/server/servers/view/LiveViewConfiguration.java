package io.stackgate.server.servers.view;

import java.time.Clock;
import java.util.concurrent.Executor;

import io.micrometer.core.instrument.MeterRegistry;

import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import io.stackgate.server.cloud.ComputeClient;
import io.stackgate.server.cloud.NetworkClient;
import io.stackgate.server.concurrent.SideCalls;

/**
 * The live server views, on the cloud's ports and the shared executor.
 */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(LiveViewProperties.class)
public class LiveViewConfiguration {

	@Bean
	LiveViews liveViews(ComputeClient compute, NetworkClient network, LiveViewProperties properties,
			Executor applicationTaskExecutor, SideCalls sideCalls, Clock clock, MeterRegistry meterRegistry) {
		return new LiveViews(new CloudProjectSource(compute, network), properties, applicationTaskExecutor,
				sideCalls.executor(), clock, meterRegistry);
	}

	@Bean
	LiveViewsShutdown liveViewsShutdown(LiveViews liveViews) {
		return new LiveViewsShutdown(liveViews);
	}

}
