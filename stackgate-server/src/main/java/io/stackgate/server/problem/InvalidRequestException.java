package io.stackgate.server.problem;

import java.util.List;

import org.springframework.http.HttpStatus;

import io.stackgate.api.ProblemDto.FieldErrorDto;

/**
 * A request the gateway rejects before it calls OpenStack, naming the fields at fault.
 */
public class InvalidRequestException extends RuntimeException {

	private final HttpStatus status;

	private final List<FieldErrorDto> errors;

	/**
	 * @param status 400 for a malformed request, 422 for one that is well-formed but cannot be carried out
	 * @param errors the fields at fault
	 */
	public InvalidRequestException(HttpStatus status, List<FieldErrorDto> errors) {
		super(errors.stream().map((error) -> error.field() + ": " + error.message()).reduce((a, b) -> a + "; " + b)
			.orElse("invalid request"));
		this.status = status;
		this.errors = List.copyOf(errors);
	}

	/** A malformed field. */
	public static InvalidRequestException badField(String field, String message) {
		return new InvalidRequestException(HttpStatus.BAD_REQUEST, List.of(new FieldErrorDto(field, message)));
	}

	public HttpStatus status() {
		return this.status;
	}

	public List<FieldErrorDto> errors() {
		return this.errors;
	}

}
