package io.stackgate.server.web;

import jakarta.servlet.http.HttpServletRequest;

import io.stackgate.server.cloud.CloudSession;

/**
 * The session a request calls the cloud with, chosen by authentication and kept as a
 * request attribute: the caller's own token in mode {@code keystone}, the gateway's
 * identity otherwise. A request without one does not reach the cloud.
 */
public final class CallSessions {

	/** The request attribute that holds the session. */
	public static final String ATTRIBUTE = CallSessions.class.getName() + ".session";

	private CallSessions() {
	}

	/**
	 * @param request the current request
	 * @param session the session its calls to the cloud use
	 */
	public static void set(HttpServletRequest request, CloudSession session) {
		request.setAttribute(ATTRIBUTE, session);
	}

	/**
	 * @param request the current request
	 * @return its session
	 * @throws IllegalStateException when authentication chose none: a wiring error, never
	 * a reason to fall back to another identity
	 */
	static CloudSession of(HttpServletRequest request) {
		Object session = request.getAttribute(ATTRIBUTE);
		if (session instanceof CloudSession cloudSession) {
			return cloudSession;
		}
		throw new IllegalStateException("No authenticated session for " + request.getRequestURI());
	}

}
