package io.stackgate.cli.json;

/**
 * JSON text that cannot be parsed, or a JSON value that does not fit the requested type.
 */
public class JsonException extends RuntimeException {

	private static final long serialVersionUID = 1L;

	JsonException(String message) {
		super(message);
	}

	JsonException(String message, Throwable cause) {
		super(message, cause);
	}

}
