package io.stackgate.server.problem;

import java.util.List;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.apache.tomcat.util.http.InvalidParameterException;

import org.springframework.beans.TypeMismatchException;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.web.ErrorResponse;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.context.request.RequestAttributes;
import org.springframework.web.HttpMediaTypeNotAcceptableException;
import org.springframework.web.context.request.ServletWebRequest;
import org.springframework.web.context.request.WebRequest;
import org.springframework.web.method.annotation.HandlerMethodValidationException;
import org.springframework.web.servlet.mvc.method.annotation.ResponseEntityExceptionHandler;

import io.stackgate.api.ProblemDto.FieldErrorDto;
import io.stackgate.api.ProblemTypes;
import io.stackgate.server.cloud.CloudException;
import io.stackgate.server.web.RequestIds;

/**
 * Answers every error with an RFC 9457 {@code application/problem+json} body.
 */
@RestControllerAdvice
class ProblemDetailsHandler extends ResponseEntityExceptionHandler {

	private static final Logger log = LoggerFactory.getLogger(ProblemDetailsHandler.class);

	@ExceptionHandler({ CloudException.class, InvalidRequestException.class, ResourceNotFoundException.class,
			UnresolvedReferenceException.class, LaunchInProgressException.class })
	ResponseEntity<Object> handleSemantic(RuntimeException ex, WebRequest request) {
		ProblemMapping mapping = ProblemMapping.of(ex);
		if (ex instanceof CloudException cloud) {
			log(cloud, mapping.problem().getStatus());
		}
		return handleExceptionInternal(ex, mapping.problem(), mapping.headers(),
				HttpStatusCode.valueOf(mapping.problem().getStatus()), request);
	}

	private static void log(CloudException ex, int status) {
		if (status >= 500) {
			log.warn("{} failed: {}{}", ex.service().projectName(), ex.getMessage(),
					(ex.openstackRequestId() != null) ? " (OpenStack request id " + ex.openstackRequestId() + ")" : "");
		}
		else {
			log.info("{} refused the request: {}", ex.service().projectName(), ex.getMessage());
		}
	}

	@Override
	protected ResponseEntity<Object> handleHttpMessageNotReadable(HttpMessageNotReadableException ex,
			HttpHeaders headers, HttpStatusCode status, WebRequest request) {
		FieldErrorDto error = JsonErrors.describe(ex);
		ProblemDetail problem = Problems.of(HttpStatus.BAD_REQUEST, ProblemTypes.INVALID_REQUEST, "Invalid request",
				(error.field() != null) ? error.field() + ": " + error.message() : error.message());
		if (error.field() != null) {
			problem.setProperty("errors", List.of(error));
		}
		return handleExceptionInternal(ex, problem, headers, HttpStatus.BAD_REQUEST, request);
	}

	@Override
	protected ResponseEntity<Object> handleHandlerMethodValidationException(HandlerMethodValidationException ex,
			HttpHeaders headers, HttpStatusCode status, WebRequest request) {
		return handleSemantic(new InvalidRequestException(ParameterErrors.of(ex)), request);
	}

	@Override
	protected ResponseEntity<Object> handleTypeMismatch(TypeMismatchException ex, HttpHeaders headers,
			HttpStatusCode status, WebRequest request) {
		return handleSemantic(new InvalidRequestException(List.of(ParameterErrors.of(ex))), request);
	}

	/**
	 * An {@code Accept} header that cannot be parsed or that takes nothing the gateway
	 * writes: the problem is written as problem JSON anyway, since content negotiation
	 * cannot choose a type for it.
	 */
	@Override
	protected ResponseEntity<Object> handleHttpMediaTypeNotAcceptable(HttpMediaTypeNotAcceptableException ex,
			HttpHeaders headers, HttpStatusCode status, WebRequest request) {
		HttpServletRequest servletRequest = ((ServletWebRequest) request).getRequest();
		HttpServletResponse servletResponse = ((ServletWebRequest) request).getResponse();
		try {
			ProblemResponses.write(servletRequest, servletResponse, Problems.notAcceptable());
		}
		catch (java.io.IOException ioe) {
			log.debug("Could not answer a request with an unacceptable Accept header: {}", ioe.getMessage());
		}
		return null;
	}

	/** Tomcat could not decode the query string ({@code %zz}, a lone {@code %}). */
	@ExceptionHandler
	ResponseEntity<Object> handleUndecodable(InvalidParameterException ex, WebRequest request) {
		ProblemDetail problem = Problems.of(HttpStatus.BAD_REQUEST, ProblemTypes.INVALID_REQUEST, "Invalid request",
				"The query string cannot be decoded: a % must start an escape of two hexadecimal digits");
		return handleExceptionInternal(ex, problem, new HttpHeaders(), HttpStatus.BAD_REQUEST, request);
	}

	@ExceptionHandler
	ResponseEntity<Object> handleUnexpected(Exception ex, WebRequest request) {
		log.error("Unexpected failure", ex);
		ProblemDetail problem = Problems.of(HttpStatus.INTERNAL_SERVER_ERROR, ProblemTypes.INTERNAL_ERROR,
				"Internal error", "The gateway failed unexpectedly; its log has the details under this request id");
		return handleExceptionInternal(ex, problem, new HttpHeaders(), HttpStatus.INTERNAL_SERVER_ERROR, request);
	}

	@Override
	protected ResponseEntity<Object> handleExceptionInternal(Exception ex, Object body, HttpHeaders headers,
			HttpStatusCode statusCode, WebRequest request) {
		if (body == null && ex instanceof ErrorResponse response) {
			body = response.updateAndGetBody(getMessageSource(), LocaleContextHolder.getLocale());
		}
		if (body instanceof ProblemDetail problem) {
			Problems.complete(problem,
					(String) request.getAttribute(RequestIds.ATTRIBUTE, RequestAttributes.SCOPE_REQUEST));
		}
		return super.handleExceptionInternal(ex, body, headers, statusCode, request);
	}

}
