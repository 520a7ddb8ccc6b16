package io.stackgate.server.problem;

import java.util.List;

import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;

import io.stackgate.api.ProblemDto.FieldErrorDto;
import io.stackgate.api.ProblemTypes;
import io.stackgate.server.cloud.CloudException;

/**
 * The one table from the gateway's semantic exceptions to HTTP: status, problem type,
 * title, extension members and headers. The problem handler and the servlet filters both
 * answer through it.
 *
 * @param problem the problem body
 * @param headers the headers that go with it
 */
record ProblemMapping(ProblemDetail problem, HttpHeaders headers) {

	/** The exceptions this table maps; anything else is an internal error. */
	static final List<Class<? extends RuntimeException>> MAPPED = List.of(CloudException.class,
			InvalidRequestException.class, ResourceNotFoundException.class, UnresolvedReferenceException.class,
			LaunchInProgressException.class, UnauthenticatedException.class, ForbiddenException.class,
			RateLimitedException.class);

	/**
	 * @param ex one of the {@link #MAPPED} exceptions
	 * @return how it is answered
	 */
	static ProblemMapping of(RuntimeException ex) {
		HttpHeaders headers = new HttpHeaders();
		return new ProblemMapping(problem(ex, headers), headers);
	}

	private static ProblemDetail problem(RuntimeException ex, HttpHeaders headers) {
		if (ex instanceof CloudException cloud) {
			return Problems.of(cloud);
		}
		if (ex instanceof InvalidRequestException invalid) {
			HttpStatus status = (ex instanceof UnworkableRequestException) ? HttpStatus.UNPROCESSABLE_CONTENT
					: HttpStatus.BAD_REQUEST;
			ProblemDetail problem = Problems.of(status, ProblemTypes.INVALID_REQUEST, "Invalid request",
					ex.getMessage());
			problem.setProperty("errors", invalid.errors());
			return problem;
		}
		if (ex instanceof ResourceNotFoundException) {
			return Problems.of(HttpStatus.NOT_FOUND, ProblemTypes.NOT_FOUND, "Not found", ex.getMessage());
		}
		if (ex instanceof UnresolvedReferenceException unresolved) {
			return unresolved(unresolved);
		}
		if (ex instanceof LaunchInProgressException) {
			return Problems.of(HttpStatus.CONFLICT, ProblemTypes.CONFLICT, "Launch in progress", ex.getMessage());
		}
		if (ex instanceof UnauthenticatedException refused) {
			if (refused.challenge() != null) {
				headers.set(HttpHeaders.WWW_AUTHENTICATE, refused.challenge());
			}
			return Problems.of(HttpStatus.UNAUTHORIZED, ProblemTypes.UNAUTHENTICATED, "Unauthenticated",
					ex.getMessage());
		}
		if (ex instanceof ForbiddenException) {
			return Problems.of(HttpStatus.FORBIDDEN, ProblemTypes.FORBIDDEN, "Forbidden", ex.getMessage());
		}
		if (ex instanceof RateLimitedException limited) {
			headers.set(HttpHeaders.RETRY_AFTER, String.valueOf(limited.retryAfterSeconds()));
			ProblemDetail problem = Problems.of(HttpStatus.TOO_MANY_REQUESTS, ProblemTypes.RATE_LIMITED,
					"Too many requests", ex.getMessage());
			problem.setProperty("retry_after", limited.retryAfterSeconds());
			return problem;
		}
		throw new IllegalArgumentException("Not a mapped exception: " + ex.getClass().getName());
	}

	private static ProblemDetail unresolved(UnresolvedReferenceException ex) {
		boolean ambiguous = ex.isAmbiguous();
		ProblemDetail problem = Problems.of(ambiguous ? HttpStatus.CONFLICT : HttpStatus.NOT_FOUND,
				ambiguous ? ProblemTypes.CONFLICT : ProblemTypes.NOT_FOUND, ambiguous ? "Ambiguous name" : "Not found",
				ex.getMessage());
		problem.setProperty("errors", List.of(new FieldErrorDto(ex.field(), ex.reason())));
		if (ambiguous) {
			problem.setProperty("candidates", ex.candidates());
		}
		return problem;
	}

}
