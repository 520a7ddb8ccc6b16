package io.stackgate.server.web;

import java.util.List;

import io.swagger.v3.oas.models.Components;
import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.info.Contact;
import io.swagger.v3.oas.models.info.Info;
import io.swagger.v3.oas.models.servers.Server;
import org.springdoc.core.customizers.OpenApiCustomizer;
import org.springdoc.core.customizers.OperationCustomizer;
import org.springdoc.core.utils.SpringDocUtils;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;

import io.stackgate.server.cloud.CallContext;

/**
 * The OpenAPI document ({@code /v3/api-docs}, committed as {@code docs/openapi.json}):
 * what the API is, where it runs, and the problem responses and request-id header of
 * every operation.
 */
@Configuration(proxyBeanMethods = false)
class OpenApiConfiguration {

	static {
		// Resolved by CallContextResolver from the request, not a parameter clients send.
		SpringDocUtils.getConfig().addRequestWrapperToIgnore(CallContext.class);
	}

	/**
	 * The document's base: fixed servers, so that springdoc does not put the address it
	 * was asked on.
	 */
	@Bean
	OpenAPI stackgateOpenApi() {
		return new OpenAPI()
			.info(new Info().title("Stackgate API")
				.version("v1")
				.description("An API gateway in front of an OpenStack cloud: what a server can be launched from "
						+ "(flavors, images, networks), launching servers (safely retried with an Idempotency-Key), "
						+ "and the servers of a project with their addresses. Every error is an RFC 9457 "
						+ "application/problem+json problem with a request_id. Callers authenticate by the "
						+ "gateway's stackgate.auth.mode: keystone (a Keystone token in X-Auth-Token), service (an "
						+ "API key in X-API-Key) or none (no credentials, loopback only). Compatibility of /api/v1: "
						+ "docs/api.md.")
				.contact(new Contact().name("Stackgate").url("https://stackgate.dev")))
			.servers(List.of(new Server().url("http://localhost:8080")
				.description("A gateway started by bin/run-gateway; use your gateway's address")))
			.components(new Components());
	}

	/** Lists on each operation the problem statuses its {@link ProblemStatuses} names. */
	@Bean
	OperationCustomizer problemStatuses() {
		return (operation, handler) -> {
			ProblemStatuses statuses = handler.getMethodAnnotation(ProblemStatuses.class);
			if (statuses != null) {
				for (int status : statuses.value()) {
					OpenApiProblems.add(operation, status);
				}
			}
			return operation;
		};
	}

	/**
	 * Gives every operation the problems every route can give and the request-id header,
	 * and orders its responses. Runs last, after the other customizers added theirs.
	 */
	@Bean
	@Order(Ordered.LOWEST_PRECEDENCE)
	OpenApiCustomizer problemResponses() {
		return (openApi) -> {
			OpenApiProblems.addComponents(openApi);
			OpenApiRequestIds.addComponents(openApi.getComponents());
			openApi.getPaths().values().forEach((item) -> item.readOperations().forEach((operation) -> {
				OpenApiProblems.EVERY_ROUTE.forEach((status) -> OpenApiProblems.add(operation, status));
				OpenApiRequestIds.addTo(operation);
				OpenApiProblems.sort(operation);
			}));
		};
	}

}
