package io.stackgate.testing.hostile;

import java.util.UUID;

import tools.jackson.databind.JsonNode;

import io.stackgate.testing.hostile.ApiDescription.Operation;
import io.stackgate.testing.hostile.ApiDescription.Parameter;

/**
 * Makes a valid request of an operation: its path parameters, some of its optional query
 * parameters and headers, and the body fields the fixtures know or the schema requires.
 */
final class ValidRequests {

	private final Choices choices;

	private final Fixtures fixtures;

	ValidRequests(Choices choices, Fixtures fixtures) {
		this.choices = choices;
		this.fixtures = fixtures;
	}

	RequestDraft of(Operation operation) {
		RequestDraft valid = new RequestDraft(operation, this.fixtures);
		for (Parameter parameter : operation.parameters()) {
			String value = parameterValue(parameter);
			if (parameter.in().equals("path")) {
				valid.path.put(parameter.name(), value);
			}
			else if (parameter.in().equals("query") && (parameter.required() || this.choices.nextInt(3) == 0)) {
				valid.query.put(parameter.name(), value);
			}
			else if (parameter.in().equals("header") && (parameter.required() || this.choices.nextBoolean())) {
				valid.headers.add(new String[] { parameter.name(), value });
			}
		}
		if (operation.body() != null) {
			JsonNode required = operation.body().path("required");
			operation.body().path("properties").properties().forEach((property) -> {
				String value = this.fixtures.value(property.getKey());
				if (value == null && contains(required, property.getKey())) {
					value = example(property.getValue());
				}
				if (value != null) {
					valid.fields.put(property.getKey(), value);
				}
			});
		}
		return valid;
	}

	/**
	 * @return a valid value of the parameter, as it goes in the path, query or header
	 * (not encoded)
	 */
	String parameterValue(Parameter parameter) {
		String hint = this.fixtures.value(parameter.name());
		if (hint != null) {
			return hint.startsWith("\"") ? hint.substring(1, hint.length() - 1) : hint;
		}
		JsonNode schema = parameter.schema();
		return switch (schema.path("type").asString()) {
			case "integer" -> String.valueOf(Math.max(schema.path("minimum").asInt(1), 1));
			case "boolean" -> String.valueOf(this.choices.nextBoolean());
			default -> (parameter.name().equals("Idempotency-Key")) ? "hostile-" + UUID.randomUUID() : "x";
		};
	}

	private static String example(JsonNode schema) {
		return switch (schema.path("type").asString()) {
			case "integer", "number" -> "1";
			case "boolean" -> "true";
			case "array" -> "[]";
			case "object" -> "{}";
			default -> "\"x\"";
		};
	}

	private static boolean contains(JsonNode array, String value) {
		for (JsonNode item : array) {
			if (item.asString().equals(value)) {
				return true;
			}
		}
		return false;
	}

}
