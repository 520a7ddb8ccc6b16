package io.stackgate.server.auth;

import jakarta.servlet.http.HttpServletRequest;

/**
 * Tells who sent a request, the way the configured {@code stackgate.auth.mode} says.
 */
interface Authenticator {

	/**
	 * @param request a request to the API
	 * @return its caller
	 * @throws Unauthenticated when the request has no valid credentials
	 * @throws io.stackgate.server.cloud.CloudException when Keystone refused them
	 * ({@code UNAUTHORIZED}), or could not say
	 */
	Caller authenticate(HttpServletRequest request);

	/**
	 * @return the {@code WWW-Authenticate} challenge of a 401
	 */
	String challenge();

}
