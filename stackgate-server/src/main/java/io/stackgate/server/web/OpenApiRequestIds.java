package io.stackgate.server.web;

import io.swagger.v3.oas.models.Components;
import io.swagger.v3.oas.models.Operation;
import io.swagger.v3.oas.models.headers.Header;
import io.swagger.v3.oas.models.media.StringSchema;
import io.swagger.v3.oas.models.parameters.Parameter;

import io.stackgate.api.WireFormats;

/**
 * The {@code X-Openstack-Request-Id} header in the OpenAPI document: a parameter of every
 * operation, and a header of every response.
 */
final class OpenApiRequestIds {

	static final String HEADER = RequestIds.HEADER;

	private static final String NAME = "RequestId";

	private OpenApiRequestIds() {
	}

	static void addComponents(Components components) {
		components.addParameters(NAME, new Parameter().in("header")
			.name(HEADER)
			.required(false)
			.description("A request id of the client's, in OpenStack's req-<uuid> form: the gateway uses it as its "
					+ "own, sends it to every OpenStack service as the global request id and logs it. An id in "
					+ "another form is not refused but replaced by a new one.")
			.schema(schema())
			.example("req-55c01eca-d0fc-45b9-bb6e-c7bb99c7bfcb"));
		components.addHeaders(NAME, new Header()
			.description("The request id: the client's when it sent one in OpenStack's form, a new one otherwise. "
					+ "Every log line of the request has it, and so does a problem's request_id.")
			.schema(schema()));
	}

	static void addTo(Operation operation) {
		if (operation.getParameters() == null
				|| operation.getParameters().stream().noneMatch((p) -> HEADER.equals(p.getName()))) {
			operation.addParametersItem(new Parameter().$ref("#/components/parameters/" + NAME));
		}
		operation.getResponses()
			.values()
			.stream()
			.filter((response) -> response.get$ref() == null)
			.forEach((response) -> response.addHeaderObject(HEADER, responseHeaderRef()));
	}

	static Header responseHeaderRef() {
		return new Header().$ref("#/components/headers/" + NAME);
	}

	private static StringSchema schema() {
		StringSchema schema = new StringSchema();
		schema.pattern(WireFormats.REQUEST_ID);
		return schema;
	}

}
