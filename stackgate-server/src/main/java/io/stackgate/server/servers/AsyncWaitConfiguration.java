package io.stackgate.server.servers;

import java.time.Duration;

import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Configuration;
import org.springframework.web.servlet.config.annotation.AsyncSupportConfigurer;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;

/**
 * Clients waiting for a launch or a delete hold no thread, only a connection, for up to
 * the longest wait.
 */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(LaunchProperties.class)
class AsyncWaitConfiguration implements WebMvcConfigurer {

	/** How much longer than the longest wait an asynchronous request may take. */
	private static final Duration ASYNC_SLACK = Duration.ofMinutes(1);

	private final Duration maxWait;

	AsyncWaitConfiguration(LaunchProperties properties) {
		this.maxWait = properties.maxWait();
	}

	@Override
	public void configureAsyncSupport(AsyncSupportConfigurer configurer) {
		configurer.setDefaultTimeout(this.maxWait.plus(ASYNC_SLACK).toMillis());
	}

}
