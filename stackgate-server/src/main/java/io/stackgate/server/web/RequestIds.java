package io.stackgate.server.web;

import java.util.UUID;
import java.util.regex.Pattern;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

/**
 * Request ids in OpenStack's format, {@code req-<uuid>}, so that OpenStack services
 * accept them as global request ids and one id follows a request through the gateway and
 * every service it calls.
 */
public final class RequestIds {

	/** The header that carries request ids, in both directions. */
	public static final String HEADER = "X-Openstack-Request-Id";

	/** The request attribute, and MDC key, that holds the current request's id. */
	public static final String ATTRIBUTE = "requestId";

	private static final Pattern FORMAT = Pattern
		.compile("req-[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}");

	private RequestIds() {
	}

	/**
	 * @param candidate an id a client sent, or {@code null}
	 * @return the candidate when it is in OpenStack's format, a new id otherwise
	 */
	static String acceptOrCreate(String candidate) {
		return (candidate != null && FORMAT.matcher(candidate).matches()) ? candidate : "req-" + UUID.randomUUID();
	}

	/**
	 * @param request the current request
	 * @return its id
	 */
	public static String of(HttpServletRequest request) {
		return (String) request.getAttribute(ATTRIBUTE);
	}

	/**
	 * The id of a request that may not have passed the request id filter, such as one
	 * Tomcat refused itself: a new id is given to it and to its response.
	 * @param request the current request
	 * @param response its response
	 * @return its id
	 */
	public static String ensure(HttpServletRequest request, HttpServletResponse response) {
		String id = of(request);
		if (id == null) {
			id = acceptOrCreate(null);
			request.setAttribute(ATTRIBUTE, id);
			response.setHeader(HEADER, id);
		}
		return id;
	}

}
