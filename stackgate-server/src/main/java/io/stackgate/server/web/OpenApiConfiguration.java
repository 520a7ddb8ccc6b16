package io.stackgate.server.web;

import java.util.Map;

import io.swagger.v3.core.converter.ModelConverters;
import io.swagger.v3.oas.models.Components;
import io.swagger.v3.oas.models.Operation;
import io.swagger.v3.oas.models.info.Info;
import io.swagger.v3.oas.models.media.Content;
import io.swagger.v3.oas.models.media.MediaType;
import io.swagger.v3.oas.models.media.Schema;
import io.swagger.v3.oas.models.responses.ApiResponse;
import org.springdoc.core.customizers.OpenApiCustomizer;
import org.springdoc.core.utils.SpringDocUtils;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import io.stackgate.api.ProblemDto;
import io.stackgate.server.cloud.CallContext;

/**
 * The OpenAPI description: every operation documents the problem responses it can give.
 */
@Configuration(proxyBeanMethods = false)
class OpenApiConfiguration {

	/** The statuses every route can answer with a problem, and why. */
	private static final Map<String, String> COMMON_PROBLEMS = Map.of("401", "Missing or refused credentials",
			"502", "An OpenStack service answered with an error", "503", "An OpenStack service is unavailable", "504",
			"An OpenStack service did not answer in time");

	/** The statuses of routes that take input or name an object. */
	private static final Map<String, String> INPUT_PROBLEMS = Map.of("400", "Invalid request", "404",
			"No such object, or a name that matches none", "409", "An ambiguous name, or a conflict such as a quota",
			"422", "A launch that cannot work, or an Idempotency-Key reused for another request");

	static {
		// Resolved by CallContextResolver from the request, not a parameter clients send.
		SpringDocUtils.getConfig().addRequestWrapperToIgnore(CallContext.class);
	}

	@Bean
	OpenApiCustomizer problemResponses() {
		return (openApi) -> {
			openApi.info(new Info().title("Stackgate API")
				.version("v1")
				.description("An API gateway in front of an OpenStack cloud: what a server can be launched from, "
						+ "launching servers, and the servers of a project."));
			Components components = (openApi.getComponents() != null) ? openApi.getComponents() : new Components();
			ModelConverters.getInstance().read(ProblemDto.class).forEach(components::addSchemas);
			openApi.components(components);
			openApi.getPaths().forEach((path, item) -> item.readOperations().forEach((operation) -> {
				addProblems(operation, COMMON_PROBLEMS);
				if (path.contains("{") || (operation.getParameters() != null && !operation.getParameters().isEmpty())
						|| operation.getRequestBody() != null) {
					addProblems(operation, INPUT_PROBLEMS);
				}
			}));
		};
	}

	private static void addProblems(Operation operation, Map<String, String> problems) {
		problems.forEach((status, description) -> {
			if (!operation.getResponses().containsKey(status)) {
				operation.getResponses()
					.addApiResponse(status, new ApiResponse().description(description)
						.content(new Content().addMediaType("application/problem+json", new MediaType()
							.schema(new Schema<>().$ref("#/components/schemas/" + ProblemDto.class.getSimpleName())))));
			}
		});
	}

}
