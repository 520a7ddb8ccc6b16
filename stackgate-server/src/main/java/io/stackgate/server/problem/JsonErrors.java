package io.stackgate.server.problem;

import tools.jackson.core.JacksonException;
import tools.jackson.core.exc.InputCoercionException;
import tools.jackson.core.exc.StreamReadException;
import tools.jackson.databind.exc.MismatchedInputException;
import tools.jackson.databind.exc.UnrecognizedPropertyException;

import org.springframework.http.converter.HttpMessageNotReadableException;

import io.stackgate.api.ProblemDto.FieldErrorDto;

/**
 * Says in a line what is wrong with a request body that could not be read, and which
 * field: without Jackson's internals and without echoing the body.
 */
final class JsonErrors {

	private JsonErrors() {
	}

	static FieldErrorDto describe(HttpMessageNotReadableException ex) {
		if (!(ex.getCause() instanceof JacksonException jackson)) {
			return new FieldErrorDto(null, "the request body is missing or is not JSON");
		}
		String field = field(jackson);
		if (jackson instanceof UnrecognizedPropertyException) {
			return new FieldErrorDto(field, "unknown field");
		}
		if (jackson instanceof InputCoercionException coercion) {
			return new FieldErrorDto(field,
					"is out of range: expected " + describe(coercion.getTargetType())
							+ ((coercion.getTargetType() == Integer.class || coercion.getTargetType() == int.class)
									? " from " + Integer.MIN_VALUE + " to " + Integer.MAX_VALUE : ""));
		}
		String duplicate = duplicateField(jackson.getOriginalMessage());
		if (duplicate != null) {
			String path = (field != null) ? field + "." + duplicate : duplicate;
			return new FieldErrorDto(path, "is given more than once");
		}
		if (jackson instanceof MismatchedInputException mismatch && mismatch.getTargetType() != null) {
			return new FieldErrorDto(field, "expected " + describe(mismatch.getTargetType()));
		}
		if (jackson instanceof StreamReadException) {
			return new FieldErrorDto(null, "the request body is not valid JSON (line "
					+ jackson.getLocation().getLineNr() + ", column " + jackson.getLocation().getColumnNr() + ")");
		}
		return new FieldErrorDto(field, "cannot be read");
	}

	/**
	 * @return the name in Jackson's "Duplicate Object property "x"" message, or
	 * {@code null}
	 */
	private static String duplicateField(String message) {
		if (message == null || !message.startsWith("Duplicate")) {
			return null;
		}
		int open = message.indexOf('"');
		int close = message.lastIndexOf('"');
		return (open >= 0 && close > open) ? message.substring(open + 1, close) : "a field";
	}

	private static String field(JacksonException ex) {
		StringBuilder path = new StringBuilder();
		for (JacksonException.Reference reference : ex.getPath()) {
			if (reference.getPropertyName() != null) {
				path.append((path.length() > 0) ? "." : "").append(reference.getPropertyName());
			}
			else if (reference.getIndex() >= 0) {
				path.append('[').append(reference.getIndex()).append(']');
			}
		}
		return (path.length() > 0) ? path.toString() : null;
	}

	private static String describe(Class<?> type) {
		if (type == Integer.class || type == int.class || type == Long.class || type == long.class) {
			return "an integer";
		}
		if (type == String.class) {
			return "a string";
		}
		if (java.util.Collection.class.isAssignableFrom(type) || type.isArray()) {
			return "an array";
		}
		if (java.util.Map.class.isAssignableFrom(type)) {
			return "an object of string values";
		}
		return "an object";
	}

}
