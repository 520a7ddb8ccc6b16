package io.stackgate.server.cloud;

/**
 * A call to OpenStack failed. Carries what an operator needs to follow the failure into
 * the OpenStack logs: the service, the status it answered (if it answered) and its
 * request id.
 */
public class CloudException extends RuntimeException {

	private final Kind kind;

	private final OpenStackService service;

	private final Integer upstreamStatus;

	private final String openstackRequestId;

	public CloudException(Kind kind, OpenStackService service, String message, Integer upstreamStatus,
			String openstackRequestId, Throwable cause) {
		super(message, cause);
		this.kind = kind;
		this.service = service;
		this.upstreamStatus = upstreamStatus;
		this.openstackRequestId = openstackRequestId;
	}

	/**
	 * @return what kind of failure this is
	 */
	public Kind kind() {
		return this.kind;
	}

	/**
	 * @return the service that failed
	 */
	public OpenStackService service() {
		return this.service;
	}

	/**
	 * @return the HTTP status the service answered, or {@code null} when it did not
	 * answer
	 */
	public Integer upstreamStatus() {
		return this.upstreamStatus;
	}

	/**
	 * @return the service's request id, or {@code null} when it did not answer
	 */
	public String openstackRequestId() {
		return this.openstackRequestId;
	}

	/**
	 * The kinds of failure, each of which the HTTP API answers in its own way.
	 */
	public enum Kind {

		/** The credentials were refused (401). */
		UNAUTHORIZED,

		/** The service refused the caller (403). */
		FORBIDDEN,

		/** The object does not exist (404). */
		NOT_FOUND,

		/** The service rejected the request as invalid (400). */
		BAD_REQUEST,

		/** The request conflicts with the cloud's state (409). */
		CONFLICT,

		/**
		 * The request is over one of the project's quotas or Nova's limits (Nova answers
		 * 403 with a message that names it).
		 */
		QUOTA,

		/** The service answered with an error (5xx or an unexpected status). */
		UPSTREAM_ERROR,

		/** The service could not be reached, or said it is unavailable. */
		UNAVAILABLE,

		/** The service did not answer in time. */
		TIMEOUT

	}

}
