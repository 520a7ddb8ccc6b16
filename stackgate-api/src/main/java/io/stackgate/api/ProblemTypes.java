package io.stackgate.api;

import java.net.URI;

/**
 * The stable {@code type} URIs of Stackgate's problem responses.
 */
public final class ProblemTypes {

	private static final String PREFIX = "https://stackgate.dev/problems/";

	/** The request is malformed or a field is invalid (400 or 422). */
	public static final URI INVALID_REQUEST = URI.create(PREFIX + "invalid-request");

	/** No credentials, or credentials that are not valid (401). */
	public static final URI UNAUTHENTICATED = URI.create(PREFIX + "unauthenticated");

	/** The caller may not do this (403). */
	public static final URI FORBIDDEN = URI.create(PREFIX + "forbidden");

	/** The route or the object does not exist (404). */
	public static final URI NOT_FOUND = URI.create(PREFIX + "not-found");

	/**
	 * The request conflicts with the state of the cloud: quota, ambiguous name, ...
	 * (409).
	 */
	public static final URI CONFLICT = URI.create(PREFIX + "conflict");

	/** Too many requests from this caller (429). */
	public static final URI RATE_LIMITED = URI.create(PREFIX + "rate-limited");

	/** An OpenStack service answered with an error (502). */
	public static final URI UPSTREAM_ERROR = URI.create(PREFIX + "upstream-error");

	/** An OpenStack service could not be reached (503). */
	public static final URI UPSTREAM_UNAVAILABLE = URI.create(PREFIX + "upstream-unavailable");

	/** An OpenStack service did not answer in time (504). */
	public static final URI UPSTREAM_TIMEOUT = URI.create(PREFIX + "upstream-timeout");

	/** An error in the gateway itself (500). */
	public static final URI INTERNAL_ERROR = URI.create(PREFIX + "internal-error");

	private ProblemTypes() {
	}

}
