package io.stackgate.server.auth;

import jakarta.servlet.http.HttpServletRequest;

/**
 * The routes that authentication treats apart.
 */
final class Routes {

	static final String API = "/api/";

	static final String LOGIN = "/api/v1/auth/tokens";

	static final String SERVERS = "/api/v1/servers";

	private Routes() {
	}

	/**
	 * @return the request's path inside the application
	 */
	static String path(HttpServletRequest request) {
		return request.getRequestURI().substring(request.getContextPath().length());
	}

	/**
	 * @return whether the request is a health probe, open to everyone everywhere
	 */
	static boolean isHealth(HttpServletRequest request) {
		String path = path(request);
		return path.equals("/actuator/health") || path.startsWith("/actuator/health/");
	}

	/**
	 * @return whether the request goes to the API, where callers authenticate
	 */
	static boolean isApi(HttpServletRequest request) {
		return path(request).startsWith(API);
	}

	/**
	 * @return whether the request is a password login
	 */
	static boolean isLogin(HttpServletRequest request) {
		return "POST".equals(request.getMethod()) && path(request).equals(LOGIN);
	}

	/**
	 * @return whether the request creates servers
	 */
	static boolean isCreate(HttpServletRequest request) {
		String path = path(request);
		return "POST".equals(request.getMethod()) && (path.equals(SERVERS) || path.equals(SERVERS + "/"));
	}

	/**
	 * @return whether the request only reads
	 */
	static boolean isRead(HttpServletRequest request) {
		String method = request.getMethod();
		return "GET".equals(method) || "HEAD".equals(method) || "OPTIONS".equals(method);
	}

}
