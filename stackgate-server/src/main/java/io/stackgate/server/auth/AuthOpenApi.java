package io.stackgate.server.auth;

import java.util.List;

import io.swagger.v3.oas.models.Components;
import io.swagger.v3.oas.models.security.SecurityRequirement;
import io.swagger.v3.oas.models.security.SecurityScheme;
import org.springdoc.core.customizers.OpenApiCustomizer;

/**
 * Describes authentication in the OpenAPI document: the credential of each
 * {@code stackgate.auth.mode} (a Keystone token in mode keystone, an API key in mode
 * service, none in mode none), and the login that needs none. The refusals (401, 403,
 * 429) are among the problems every route lists.
 */
final class AuthOpenApi {

	static final String KEYSTONE_TOKEN = "keystoneToken";

	static final String API_KEY = "apiKey";

	private AuthOpenApi() {
	}

	static OpenApiCustomizer customizer() {
		return (openApi) -> {
			Components components = (openApi.getComponents() != null) ? openApi.getComponents() : new Components();
			components.addSecuritySchemes(KEYSTONE_TOKEN,
					new SecurityScheme().type(SecurityScheme.Type.APIKEY)
						.in(SecurityScheme.In.HEADER)
						.name(KeystoneAuthenticator.TOKEN_HEADER)
						.description("Mode keystone (the default): a Keystone token scoped to a project, from POST "
								+ Routes.LOGIN + " or from Keystone itself (openstack token issue). The caller acts as "
								+ "that user in that project; OpenStack's policy applies."));
			components.addSecuritySchemes(API_KEY, new SecurityScheme().type(SecurityScheme.Type.APIKEY)
				.in(SecurityScheme.In.HEADER)
				.name(ApiKeyAuthenticator.KEY_HEADER)
				.description("Mode service: an API key of stackgate.auth.api-keys. The caller acts as the "
						+ "gateway's own OpenStack identity; a key of role reader may only read. (In mode none, "
						+ "which listens on loopback only, no credential is needed.)"));
			openApi.components(components);
			openApi.security(List.of(new SecurityRequirement().addList(KEYSTONE_TOKEN),
					new SecurityRequirement().addList(API_KEY)));
			openApi.getPaths().forEach((path, item) -> item.readOperations().forEach((operation) -> {
				if (path.equals(Routes.LOGIN)) {
					operation.setSecurity(List.of());
				}
			}));
		};
	}

}
