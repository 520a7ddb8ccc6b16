package io.stackgate.server.problem;

import org.apache.catalina.core.StandardHost;

import org.springframework.boot.tomcat.TomcatConnectorCustomizer;
import org.springframework.boot.tomcat.TomcatContextCustomizer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * Tomcat answers like the gateway: its error report is {@link ProblemErrorReportValve},
 * and {@code TRACE} reaches the {@link TraceFilter}, so that its 405 is a problem with
 * the route's {@code Allow} header rather than Tomcat's list of every method the servlet
 * knows.
 */
@Configuration(proxyBeanMethods = false)
class ContainerErrorsConfiguration {

	@Bean
	TomcatContextCustomizer problemErrorReport() {
		return (context) -> {
			if (context.getParent() instanceof StandardHost host) {
				host.setErrorReportValveClass(ProblemErrorReportValve.class.getName());
			}
		};
	}

	@Bean
	TomcatConnectorCustomizer traceToSpring() {
		return (connector) -> connector.setAllowTrace(true);
	}

}
