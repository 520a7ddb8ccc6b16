package io.stackgate.server.problem;

import java.util.List;

import io.stackgate.api.ProblemDto.FieldErrorDto;

/**
 * A request the gateway rejects before it calls OpenStack because it is malformed, naming
 * the fields at fault.
 */
public class InvalidRequestException extends RuntimeException {

	private final List<FieldErrorDto> errors;

	/**
	 * @param errors the fields at fault
	 */
	public InvalidRequestException(List<FieldErrorDto> errors) {
		super(errors.stream()
			.map((error) -> error.field() + ": " + error.message())
			.reduce((a, b) -> a + "; " + b)
			.orElse("invalid request"));
		this.errors = List.copyOf(errors);
	}

	/** A malformed field. */
	public static InvalidRequestException badField(String field, String message) {
		return new InvalidRequestException(List.of(new FieldErrorDto(field, message)));
	}

	/**
	 * @return the fields at fault
	 */
	public List<FieldErrorDto> errors() {
		return this.errors;
	}

}
