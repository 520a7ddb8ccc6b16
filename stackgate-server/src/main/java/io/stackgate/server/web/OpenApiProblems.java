package io.stackgate.server.web;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import io.swagger.v3.oas.models.Components;
import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.Operation;
import io.swagger.v3.oas.models.headers.Header;
import io.swagger.v3.oas.models.media.Content;
import io.swagger.v3.oas.models.media.MediaType;
import io.swagger.v3.oas.models.media.Schema;
import io.swagger.v3.oas.models.responses.ApiResponse;
import io.swagger.v3.oas.models.responses.ApiResponses;

import io.stackgate.api.ProblemDto;

/**
 * The problem responses of the OpenAPI document: one shared response per status in
 * {@code components/responses}, with the problem schema and an example, referenced by the
 * operations.
 */
public final class OpenApiProblems {

	/** The statuses every API route can answer with. */
	public static final List<Integer> EVERY_ROUTE = List.of(401, 403, 429, 500, 502, 503, 504);

	static final String PROBLEM_JSON = "application/problem+json";

	private static final String RESPONSES = "#/components/responses/";

	private OpenApiProblems() {
	}

	/**
	 * Adds the shared problem responses (and the problem schemas) to the document's
	 * components.
	 * @param openApi the document
	 */
	static void addComponents(OpenAPI openApi) {
		Components components = openApi.getComponents();
		io.swagger.v3.core.converter.ModelConverters.getInstance()
			.readAll(ProblemDto.class)
			.forEach(components::addSchemas);
		ProblemExamples.all().forEach((status, example) -> {
			Map<String, Header> headers = new LinkedHashMap<>(example.headers());
			headers.put(OpenApiRequestIds.HEADER, OpenApiRequestIds.responseHeaderRef());
			components.addResponses(example.name(),
					new ApiResponse().description(example.description())
						.headers(headers)
						.content(new Content().addMediaType(PROBLEM_JSON,
								new MediaType().schema(new Schema<>().$ref("#/components/schemas/ProblemDto"))
									.example(example.body()))));
		});
	}

	/**
	 * Makes an operation list a problem response.
	 * @param operation the operation
	 * @param status its status, one of {@link ProblemExamples#all()}
	 */
	public static void add(Operation operation, int status) {
		ProblemExamples.Example example = ProblemExamples.all().get(status);
		if (example == null) {
			throw new IllegalArgumentException("No problem response for status " + status);
		}
		operation.getResponses()
			.putIfAbsent(String.valueOf(status), new ApiResponse().$ref(RESPONSES + example.name()));
	}

	/**
	 * Orders an operation's responses by status, so that the document reads (and diffs)
	 * the same every time, and drops the body springdoc gives a 304.
	 */
	static void sort(Operation operation) {
		ApiResponses sorted = new ApiResponses();
		new TreeMap<>(operation.getResponses()).forEach(sorted::addApiResponse);
		if (sorted.get("304") != null) {
			sorted.get("304").setContent(null);
		}
		operation.setResponses(sorted);
	}

}
