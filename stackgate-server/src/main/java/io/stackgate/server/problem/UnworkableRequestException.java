package io.stackgate.server.problem;

import java.util.List;

import io.stackgate.api.ProblemDto.FieldErrorDto;

/**
 * A well-formed request that cannot be carried out as asked: a flavor too small for the
 * image, a network servers cannot be attached to, an {@code Idempotency-Key} already used
 * for another request.
 */
public class UnworkableRequestException extends InvalidRequestException {

	/**
	 * @param errors the fields at fault
	 */
	public UnworkableRequestException(List<FieldErrorDto> errors) {
		super(errors);
	}

	/** One field at fault. */
	public static UnworkableRequestException of(String field, String message) {
		return new UnworkableRequestException(List.of(new FieldErrorDto(field, message)));
	}

}
