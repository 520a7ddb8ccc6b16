package io.stackgate.server.auth;

import java.util.List;

import io.swagger.v3.oas.models.Components;
import io.swagger.v3.oas.models.Operation;
import io.swagger.v3.oas.models.media.Content;
import io.swagger.v3.oas.models.media.MediaType;
import io.swagger.v3.oas.models.media.Schema;
import io.swagger.v3.oas.models.responses.ApiResponse;
import io.swagger.v3.oas.models.security.SecurityRequirement;
import io.swagger.v3.oas.models.security.SecurityScheme;
import org.springdoc.core.customizers.OpenApiCustomizer;

/**
 * Describes authentication in the OpenAPI document: the two credentials a route accepts (a Keystone token, or
 * an API key, depending on {@code stackgate.auth.mode}), the login that needs none, and the refusals every
 * route can give.
 */
final class AuthOpenApi {

	static final String KEYSTONE_TOKEN = "keystoneToken";

	static final String API_KEY = "apiKey";

	private AuthOpenApi() {
	}

	static OpenApiCustomizer customizer() {
		return (openApi) -> {
			Components components = (openApi.getComponents() != null) ? openApi.getComponents() : new Components();
			components.addSecuritySchemes(KEYSTONE_TOKEN, new SecurityScheme().type(SecurityScheme.Type.APIKEY)
				.in(SecurityScheme.In.HEADER)
				.name(KeystoneAuthenticator.TOKEN_HEADER)
				.description("A Keystone token scoped to a project (mode keystone), for example from POST "
						+ Routes.LOGIN));
			components.addSecuritySchemes(API_KEY, new SecurityScheme().type(SecurityScheme.Type.APIKEY)
				.in(SecurityScheme.In.HEADER)
				.name(ApiKeyAuthenticator.KEY_HEADER)
				.description("An API key of stackgate.auth.api-keys (mode service)"));
			openApi.components(components);
			openApi.security(List.of(new SecurityRequirement().addList(KEYSTONE_TOKEN),
					new SecurityRequirement().addList(API_KEY)));
			openApi.getPaths().forEach((path, item) -> item.readOperations().forEach((operation) -> {
				addProblem(operation, "403", "Forbidden: an API key of role reader writing, or a client outside "
						+ "stackgate.auth.allowed-networks");
				addProblem(operation, "429", "Rate limit reached; see the Retry-After header");
				if (path.equals(Routes.LOGIN)) {
					operation.setSecurity(List.of());
				}
			}));
		};
	}

	private static void addProblem(Operation operation, String status, String description) {
		if (!operation.getResponses().containsKey(status)) {
			operation.getResponses()
				.addApiResponse(status, new ApiResponse().description(description)
					.content(new Content().addMediaType("application/problem+json",
							new MediaType().schema(new Schema<>().$ref("#/components/schemas/ProblemDto")))));
		}
	}

}
