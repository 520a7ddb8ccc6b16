package io.stackgate.server.servers.launch;

import java.math.BigDecimal;
import java.util.Map;

import io.swagger.v3.oas.models.media.Schema;
import org.springdoc.core.customizers.OpenApiCustomizer;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import io.stackgate.server.servers.LaunchProperties;

/**
 * The launch limits of this gateway's settings in the OpenAPI description.
 */
@Configuration(proxyBeanMethods = false)
class LaunchOpenApi {

	/** How many servers one request may launch, and how long a metadata value may be. */
	@Bean
	OpenApiCustomizer launchLimits(LaunchProperties properties) {
		return (openApi) -> {
			Map<String, Schema> fields = openApi.getComponents()
				.getSchemas()
				.get("CreateServerRequest")
				.getProperties();
			fields.get("count").setMaximum(BigDecimal.valueOf(properties.maxCount()));
			((Schema<?>) fields.get("metadata").getAdditionalProperties()).setMaxLength(255);
		};
	}

}
