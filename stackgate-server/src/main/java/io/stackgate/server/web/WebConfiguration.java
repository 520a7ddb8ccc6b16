package io.stackgate.server.web;

import java.util.List;
import java.util.Map;

import jakarta.servlet.http.HttpServletRequest;
import org.slf4j.MDC;

import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.task.TaskDecorator;
import org.springframework.web.filter.ShallowEtagHeaderFilter;
import org.springframework.web.method.support.HandlerMethodArgumentResolver;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;

/**
 * Web wiring shared by every route.
 */
@Configuration(proxyBeanMethods = false)
class WebConfiguration implements WebMvcConfigurer {

	@Override
	public void addArgumentResolvers(List<HandlerMethodArgumentResolver> resolvers) {
		resolvers.add(new CallContextResolver());
	}

	/**
	 * ETags and 304s for the cacheable lists. A watch stream ({@code watch=true}) is left
	 * alone: the filter's response wrapper ignores flushes, so events would wait in the
	 * container's buffer.
	 */
	@Bean
	FilterRegistrationBean<ShallowEtagHeaderFilter> etagFilter() {
		FilterRegistrationBean<ShallowEtagHeaderFilter> registration = new FilterRegistrationBean<>(
				new ShallowEtagHeaderFilter() {

					@Override
					protected boolean shouldNotFilter(HttpServletRequest request) {
						return "true".equals(request.getParameter("watch"));
					}

				});
		registration.addUrlPatterns("/api/v1/servers", "/api/v1/flavors", "/api/v1/images", "/api/v1/networks",
				"/api/v1/launch-options");
		return registration;
	}

	/** Tags the request metrics with the caller. */
	@Bean
	PrincipalObservationConvention principalObservationConvention() {
		return new PrincipalObservationConvention();
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
