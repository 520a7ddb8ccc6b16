package io.stackgate.server.problem;

import java.net.URI;

import org.springframework.http.HttpStatus;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.ProblemDetail;

import io.stackgate.api.ProblemTypes;
import io.stackgate.server.cloud.CloudException;

/**
 * Builds the gateway's problem details: every problem has a stable {@code type} and the
 * request id.
 */
public final class Problems {

	/** The extension member with the gateway's request id. */
	public static final String REQUEST_ID = "request_id";

	private Problems() {
	}

	/**
	 * @param status the HTTP status
	 * @param type the problem type, see {@link ProblemTypes}
	 * @param title a short summary of the kind of problem
	 * @param detail what went wrong this time
	 * @return the problem
	 */
	public static ProblemDetail of(HttpStatusCode status, URI type, String title, String detail) {
		ProblemDetail problem = ProblemDetail.forStatusAndDetail(status, detail);
		problem.setType(type);
		problem.setTitle(title);
		return problem;
	}

	/**
	 * @param ex a failed call to OpenStack
	 * @return the problem that answers it: status and type by
	 * {@link CloudException#kind()}, with the OpenStack service, the status it answered
	 * and its request id
	 */
	public static ProblemDetail of(CloudException ex) {
		CloudProblem kind = CloudProblem.of(ex.kind());
		ProblemDetail problem = of(kind.status(), kind.type(), kind.title(), ex.getMessage());
		problem.setProperty("openstack_service", ex.service().catalogType());
		if (ex.upstreamStatus() != null) {
			problem.setProperty("upstream_status", ex.upstreamStatus());
		}
		if (ex.openstackRequestId() != null) {
			problem.setProperty("openstack_request_id", ex.openstackRequestId());
		}
		return problem;
	}

	/**
	 * The 406 of an {@code Accept} the gateway cannot answer: unreadable, or allowing no
	 * JSON.
	 */
	static ProblemDetail notAcceptable() {
		return of(HttpStatus.NOT_ACCEPTABLE, ProblemTypes.INVALID_REQUEST, "Not acceptable",
				"The Accept header must allow application/json or application/problem+json");
	}

	/**
	 * A problem for a status that a layer below the controllers answered with (Tomcat, a
	 * filter, a {@code sendError}), which says no more than its status.
	 * @param status the HTTP status
	 * @return the problem
	 */
	static ProblemDetail forStatus(int status) {
		HttpStatus known = HttpStatus.resolve(status);
		String title = (known != null) ? known.getReasonPhrase() : "Error";
		String detail = switch (status) {
			case 400 -> "The request cannot be read: its request line, path, query string or a header is malformed "
					+ "or too large";
			case 404 -> "No such route";
			case 405 -> "This route does not take this method";
			case 500 -> "The gateway failed unexpectedly; its log has the details under this request id";
			default -> title;
		};
		return of(HttpStatusCode.valueOf(status), null, title, detail);
	}

	/**
	 * Gives a problem built elsewhere (by Spring MVC, say) a type that fits its status,
	 * and the request id.
	 * @param problem the problem
	 * @param requestId the request id, or {@code null}
	 * @return the same problem
	 */
	static ProblemDetail complete(ProblemDetail problem, String requestId) {
		if (problem.getType() == null || URI.create("about:blank").equals(problem.getType())) {
			problem.setType(typeFor(problem.getStatus()));
		}
		if (requestId != null) {
			problem.setProperty(REQUEST_ID, requestId);
		}
		return problem;
	}

	private static URI typeFor(int status) {
		return switch (status) {
			case 401 -> ProblemTypes.UNAUTHENTICATED;
			case 403 -> ProblemTypes.FORBIDDEN;
			case 404 -> ProblemTypes.NOT_FOUND;
			case 409 -> ProblemTypes.CONFLICT;
			case 429 -> ProblemTypes.RATE_LIMITED;
			case 502 -> ProblemTypes.UPSTREAM_ERROR;
			case 503 -> ProblemTypes.UPSTREAM_UNAVAILABLE;
			case 504 -> ProblemTypes.UPSTREAM_TIMEOUT;
			default -> (status < 500) ? ProblemTypes.INVALID_REQUEST : ProblemTypes.INTERNAL_ERROR;
		};
	}

}
