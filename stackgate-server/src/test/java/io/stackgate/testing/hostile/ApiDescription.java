package io.stackgate.testing.hostile;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

/**
 * The operations of the committed OpenAPI document, read generically: paths, methods,
 * parameters and the JSON schema of each request body, with {@code $ref}s resolved.
 * Whatever the document adds later is generated too.
 */
public final class ApiDescription {

	private static final JsonMapper JSON = JsonMapper.builder().build();

	private static final List<String> METHODS = List.of("get", "put", "post", "delete", "patch", "head", "options");

	private final JsonNode document;

	private final List<Operation> operations = new ArrayList<>();

	private ApiDescription(JsonNode document) {
		this.document = document;
		document.path("paths").properties().forEach((path) -> METHODS.forEach((method) -> {
			JsonNode operation = path.getValue().path(method);
			if (operation.isObject()) {
				this.operations
					.add(operation(method.toUpperCase(Locale.ROOT), path.getKey(), path.getValue(), operation));
			}
		}));
	}

	/**
	 * @return the document at {@code docs/openapi.json} of the repository this test runs
	 * in
	 */
	public static ApiDescription committed() throws IOException {
		for (Path dir = Path.of("").toAbsolutePath(); dir != null; dir = dir.getParent()) {
			Path candidate = dir.resolve("docs/openapi.json");
			if (Files.isRegularFile(candidate)) {
				return new ApiDescription(JSON.readTree(Files.readString(candidate)));
			}
		}
		throw new IllegalStateException("No docs/openapi.json above " + Path.of("").toAbsolutePath());
	}

	public List<Operation> operations() {
		return this.operations;
	}

	/**
	 * @return the methods the document describes for a path
	 */
	public List<String> methodsOf(String path) {
		return this.operations.stream().filter((o) -> o.path().equals(path)).map(Operation::method).toList();
	}

	private Operation operation(String method, String path, JsonNode pathItem, JsonNode operation) {
		List<Parameter> parameters = new ArrayList<>();
		for (JsonNode source : List.of(pathItem.path("parameters"), operation.path("parameters"))) {
			for (JsonNode parameter : source) {
				JsonNode resolved = resolve(parameter);
				parameters.add(new Parameter(resolved.path("name").asString(), resolved.path("in").asString(),
						resolved.path("required").asBoolean(false), resolve(resolved.path("schema"))));
			}
		}
		JsonNode body = null;
		String mediaType = null;
		JsonNode content = resolve(operation.path("requestBody")).path("content");
		for (Map.Entry<String, JsonNode> entry : content.properties()) {
			if (entry.getKey().contains("json")) {
				mediaType = entry.getKey();
				body = resolve(entry.getValue().path("schema"));
			}
		}
		return new Operation(method, path, List.copyOf(parameters), body, mediaType,
				resolve(operation.path("requestBody")).path("required").asBoolean(body != null));
	}

	/** Resolves {@code $ref}s, in the node and every node below it. */
	private JsonNode resolve(JsonNode node) {
		if (node.has("$ref")) {
			String ref = node.path("$ref").asString();
			return resolve(this.document.at(ref.substring(1)));
		}
		if (!node.isObject()) {
			return node;
		}
		ObjectNode copy = JSON.createObjectNode();
		node.properties()
			.forEach((e) -> copy.set(e.getKey(), e.getValue().isObject() ? resolve(e.getValue())
					: e.getValue().isArray() ? resolveAll(e.getValue()) : e.getValue()));
		return copy;
	}

	private JsonNode resolveAll(JsonNode array) {
		var copy = JSON.createArrayNode();
		array.forEach((item) -> copy.add(resolve(item)));
		return copy;
	}

	/**
	 * One operation.
	 *
	 * @param method the HTTP method
	 * @param path the path template, for example {@code /api/v1/servers/{id}}
	 * @param parameters its parameters
	 * @param body the JSON schema of its body, or {@code null}
	 * @param mediaType the body's media type, or {@code null}
	 * @param bodyRequired whether a body is required
	 */
	public record Operation(String method, String path, List<Parameter> parameters, JsonNode body, String mediaType,
			boolean bodyRequired) {

		@Override
		public String toString() {
			return this.method + " " + this.path;
		}

	}

	/**
	 * One parameter.
	 *
	 * @param name its name
	 * @param in {@code path}, {@code query} or {@code header}
	 * @param required whether it is required
	 * @param schema its schema
	 */
	public record Parameter(String name, String in, boolean required, JsonNode schema) {
	}

}
