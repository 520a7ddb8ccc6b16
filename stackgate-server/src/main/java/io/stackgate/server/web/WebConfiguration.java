package io.stackgate.server.web;

import java.time.Duration;
import java.util.List;
import java.util.Map;

import org.slf4j.MDC;

import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.task.TaskDecorator;
import org.springframework.web.filter.ShallowEtagHeaderFilter;
import org.springframework.web.method.support.HandlerMethodArgumentResolver;
import org.springframework.web.servlet.config.annotation.AsyncSupportConfigurer;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;

import io.stackgate.server.cloud.CloudSession;
import io.stackgate.server.config.StackgateProperties;

/**
 * Web wiring shared by every route.
 */
@Configuration(proxyBeanMethods = false)
class WebConfiguration implements WebMvcConfigurer {

	/** How much longer than the longest launch wait an asynchronous request may take. */
	private static final Duration ASYNC_SLACK = Duration.ofMinutes(1);

	private final CloudSession serviceSession;

	private final Duration maxWait;

	WebConfiguration(CloudSession serviceSession, StackgateProperties properties) {
		this.serviceSession = serviceSession;
		this.maxWait = properties.launch().maxWait();
	}

	/** Clients waiting for a launch hold no thread, only a connection, for up to the longest wait. */
	@Override
	public void configureAsyncSupport(AsyncSupportConfigurer configurer) {
		configurer.setDefaultTimeout(this.maxWait.plus(ASYNC_SLACK).toMillis());
	}

	@Override
	public void addArgumentResolvers(List<HandlerMethodArgumentResolver> resolvers) {
		resolvers.add(new CallContextResolver(this.serviceSession));
	}

	/** ETags and 304s for the cacheable lists. */
	@Bean
	FilterRegistrationBean<ShallowEtagHeaderFilter> etagFilter() {
		FilterRegistrationBean<ShallowEtagHeaderFilter> registration = new FilterRegistrationBean<>(
				new ShallowEtagHeaderFilter());
		registration.addUrlPatterns("/api/v1/flavors", "/api/v1/images", "/api/v1/networks", "/api/v1/launch-options");
		return registration;
	}

	/** Carries the request id into the log lines of work done on other threads. */
	@Bean
	TaskDecorator mdcTaskDecorator() {
		return (task) -> {
			Map<String, String> context = MDC.getCopyOfContextMap();
			return () -> {
				Map<String, String> previous = MDC.getCopyOfContextMap();
				if (context != null) {
					MDC.setContextMap(context);
				}
				try {
					task.run();
				}
				finally {
					if (previous != null) {
						MDC.setContextMap(previous);
					}
					else {
						MDC.clear();
					}
				}
			};
		};
	}

}
