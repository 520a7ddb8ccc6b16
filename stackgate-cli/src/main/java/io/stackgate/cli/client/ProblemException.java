package io.stackgate.cli.client;

import java.net.URI;

import io.stackgate.api.ProblemDto;

/**
 * The gateway answered with an error, described by an {@code application/problem+json}
 * body. Each status the API uses has its own subtype; {@link #of} picks it.
 */
public class ProblemException extends GatewayException {

	private static final long serialVersionUID = 1L;

	private final transient ProblemDto problem;

	ProblemException(String method, URI uri, ProblemDto problem) {
		super(method, uri, message(problem), null);
		this.problem = problem;
	}

	/**
	 * The exception for an error response.
	 * @param method the request method
	 * @param uri the request URL
	 * @param problem the response body; its {@code status} is the response's
	 * @return the subtype for the status
	 */
	static ProblemException of(String method, URI uri, ProblemDto problem) {
		int status = problem.status();
		if (status == 400 || status == 422) {
			return new InvalidRequest(method, uri, problem);
		}
		if (status == 401) {
			return new Unauthenticated(method, uri, problem);
		}
		if (status == 403) {
			return new Forbidden(method, uri, problem);
		}
		if (status == 404) {
			return new NotFound(method, uri, problem);
		}
		if (status == 409) {
			return new Conflict(method, uri, problem);
		}
		if (status == 429) {
			return new RateLimited(method, uri, problem);
		}
		if (status >= 500) {
			return new Upstream(method, uri, problem);
		}
		return new ProblemException(method, uri, problem);
	}

	/**
	 * The problem the gateway described.
	 * @return the problem, with at least a title and the status
	 */
	public ProblemDto problem() {
		return this.problem;
	}

	/**
	 * The HTTP status of the response.
	 * @return the status
	 */
	public int status() {
		return this.problem.status();
	}

	private static String message(ProblemDto problem) {
		String detail = problem.detail();
		return (detail == null || detail.isBlank()) ? problem.title() : problem.title() + ": " + detail;
	}

	/**
	 * 400 or 422: the request was malformed, or a field is invalid (see
	 * {@link ProblemDto#errors()}).
	 */
	public static class InvalidRequest extends ProblemException {

		private static final long serialVersionUID = 1L;

		InvalidRequest(String method, URI uri, ProblemDto problem) {
			super(method, uri, problem);
		}

	}

	/** 401: no credentials, or a token or key the gateway does not accept (any more). */
	public static class Unauthenticated extends ProblemException {

		private static final long serialVersionUID = 1L;

		Unauthenticated(String method, URI uri, ProblemDto problem) {
			super(method, uri, problem);
		}

	}

	/** 403: the credentials are fine but may not do this. */
	public static class Forbidden extends ProblemException {

		private static final long serialVersionUID = 1L;

		Forbidden(String method, URI uri, ProblemDto problem) {
			super(method, uri, problem);
		}

	}

	/** 404: no such route or object. */
	public static class NotFound extends ProblemException {

		private static final long serialVersionUID = 1L;

		NotFound(String method, URI uri, ProblemDto problem) {
			super(method, uri, problem);
		}

	}

	/** 409: the request conflicts with the cloud's state (quota, ambiguous name, ...). */
	public static class Conflict extends ProblemException {

		private static final long serialVersionUID = 1L;

		Conflict(String method, URI uri, ProblemDto problem) {
			super(method, uri, problem);
		}

	}

	/** 429: too many requests; try again later. */
	public static class RateLimited extends ProblemException {

		private static final long serialVersionUID = 1L;

		RateLimited(String method, URI uri, ProblemDto problem) {
			super(method, uri, problem);
		}

	}

	/** 5xx: the gateway or the OpenStack service behind it failed. */
	public static class Upstream extends ProblemException {

		private static final long serialVersionUID = 1L;

		Upstream(String method, URI uri, ProblemDto problem) {
			super(method, uri, problem);
		}

	}

}
