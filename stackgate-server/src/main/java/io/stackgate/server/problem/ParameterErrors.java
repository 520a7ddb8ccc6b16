package io.stackgate.server.problem;

import java.util.ArrayList;
import java.util.List;

import org.springframework.beans.TypeMismatchException;
import org.springframework.core.MethodParameter;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.method.annotation.HandlerMethodValidationException;
import org.springframework.web.method.annotation.MethodArgumentTypeMismatchException;

import io.stackgate.api.ProblemDto.FieldErrorDto;

/**
 * Names the query parameter (or header) at fault when one cannot be converted or breaks a
 * constraint, instead of Spring's "Validation failure".
 */
final class ParameterErrors {

	private ParameterErrors() {
	}

	static List<FieldErrorDto> of(HandlerMethodValidationException ex) {
		List<FieldErrorDto> errors = new ArrayList<>();
		ex.getParameterValidationResults()
			.forEach((result) -> result.getResolvableErrors()
				.forEach((error) -> errors
					.add(new FieldErrorDto(name(result.getMethodParameter()), error.getDefaultMessage()))));
		return errors;
	}

	static FieldErrorDto of(TypeMismatchException ex) {
		String name = (ex instanceof MethodArgumentTypeMismatchException mismatch) ? name(mismatch.getParameter())
				: ex.getPropertyName();
		Class<?> type = ex.getRequiredType();
		String expected = (type == Integer.class || type == int.class) ? "an integer from 1 to " + Integer.MAX_VALUE
				: (type == Boolean.class || type == boolean.class) ? "true or false"
						: "a " + ((type != null) ? type.getSimpleName() : "value");
		return new FieldErrorDto(name, "expected " + expected);
	}

	private static String name(MethodParameter parameter) {
		RequestParam param = parameter.getParameterAnnotation(RequestParam.class);
		if (param != null && !param.name().isEmpty()) {
			return param.name();
		}
		RequestHeader header = parameter.getParameterAnnotation(RequestHeader.class);
		if (header != null && !header.name().isEmpty()) {
			return header.name();
		}
		return parameter.getParameterName();
	}

}
