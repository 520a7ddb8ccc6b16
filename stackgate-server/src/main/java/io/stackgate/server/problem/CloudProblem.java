package io.stackgate.server.problem;

import java.net.URI;

import org.springframework.http.HttpStatus;

import io.stackgate.api.ProblemTypes;
import io.stackgate.server.cloud.CloudException;

/**
 * How each kind of cloud failure is answered: the one table from failure to HTTP status.
 */
enum CloudProblem {

	UNAUTHORIZED(HttpStatus.UNAUTHORIZED, ProblemTypes.UNAUTHENTICATED, "OpenStack refused the credentials"),
	FORBIDDEN(HttpStatus.FORBIDDEN, ProblemTypes.FORBIDDEN, "Forbidden by OpenStack policy"),
	NOT_FOUND(HttpStatus.NOT_FOUND, ProblemTypes.NOT_FOUND, "Not found"),
	BAD_REQUEST(HttpStatus.BAD_REQUEST, ProblemTypes.INVALID_REQUEST, "OpenStack rejected the request"),
	CONFLICT(HttpStatus.CONFLICT, ProblemTypes.CONFLICT, "Conflict with the state of the cloud"),
	QUOTA(HttpStatus.CONFLICT, ProblemTypes.CONFLICT, "Over a quota or limit of the project"),
	UPSTREAM_ERROR(HttpStatus.BAD_GATEWAY, ProblemTypes.UPSTREAM_ERROR, "OpenStack failed"),
	UNAVAILABLE(HttpStatus.SERVICE_UNAVAILABLE, ProblemTypes.UPSTREAM_UNAVAILABLE, "OpenStack is unavailable"),
	TIMEOUT(HttpStatus.GATEWAY_TIMEOUT, ProblemTypes.UPSTREAM_TIMEOUT, "OpenStack did not answer in time");

	private final HttpStatus status;

	private final URI type;

	private final String title;

	CloudProblem(HttpStatus status, URI type, String title) {
		this.status = status;
		this.type = type;
		this.title = title;
	}

	static CloudProblem of(CloudException.Kind kind) {
		return valueOf(kind.name());
	}

	HttpStatus status() {
		return this.status;
	}

	URI type() {
		return this.type;
	}

	String title() {
		return this.title;
	}

}
