package io.stackgate.cli.client;

import java.net.URI;

import io.stackgate.api.ProblemDto;

/**
 * The gateway answered with an error, described by an {@code application/problem+json}
 * body. Its {@link #kind()} says which class of error the status is.
 */
public class ProblemException extends GatewayException {

	private static final long serialVersionUID = 1L;

	private final transient ProblemDto problem;

	private final Kind kind;

	ProblemException(String method, URI uri, ProblemDto problem) {
		super(method, uri, message(problem), null);
		this.problem = problem;
		this.kind = Kind.of(problem.status());
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

	/**
	 * The class of error the status is.
	 * @return the kind
	 */
	public Kind kind() {
		return this.kind;
	}

	private static String message(ProblemDto problem) {
		String detail = problem.detail();
		return (detail == null || detail.isBlank()) ? problem.title() : problem.title() + ": " + detail;
	}

	/** The classes of error the API answers with, by status. */
	public enum Kind {

		/**
		 * 400 or 422: the request was malformed, or a field is invalid (see
		 * {@link ProblemDto#errors()}).
		 */
		INVALID_REQUEST,

		/**
		 * 401: no credentials, or a token or key the gateway does not accept (any more).
		 */
		UNAUTHENTICATED,

		/** 403: the credentials are fine but may not do this. */
		FORBIDDEN,

		/** 404: no such route or object. */
		NOT_FOUND,

		/**
		 * 409: the request conflicts with the cloud's state (quota, ambiguous name, ...).
		 */
		CONFLICT,

		/** 429: too many requests; try again later. */
		RATE_LIMITED,

		/** 5xx: the gateway or the OpenStack service behind it failed. */
		UPSTREAM,

		/** Any other error status: one the API does not use. */
		OTHER;

		/**
		 * The kind of an error status.
		 * @param status an HTTP status of 400 or more
		 * @return its kind
		 */
		static Kind of(int status) {
			return switch (status) {
				case 400, 422 -> INVALID_REQUEST;
				case 401 -> UNAUTHENTICATED;
				case 403 -> FORBIDDEN;
				case 404 -> NOT_FOUND;
				case 409 -> CONFLICT;
				case 429 -> RATE_LIMITED;
				default -> (status >= 500) ? UPSTREAM : OTHER;
			};
		}

	}

}
