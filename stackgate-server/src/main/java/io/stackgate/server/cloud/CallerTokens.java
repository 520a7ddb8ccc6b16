package io.stackgate.server.cloud;

/**
 * Keystone tokens of the gateway's callers: validating the ones they send, issuing new
 * ones for a password.
 */
public interface CallerTokens {

	/**
	 * Asks Keystone whether a token is valid ({@code GET /v3/auth/tokens}, the token
	 * validating itself).
	 * @param token the token a caller sent
	 * @param requestId the gateway request id, sent as OpenStack's global request id
	 * @return a session that calls the cloud with that token
	 * @throws CloudException of kind {@code UNAUTHORIZED} when Keystone does not accept
	 * the token, or it is not scoped to a project; of another kind when Keystone could
	 * not say
	 */
	CallerSession validate(String token, String requestId);

	/**
	 * Logs in to Keystone with a password, for a token scoped to a project.
	 * @param credentials the user, password and project
	 * @return the new token
	 * @throws CloudException of kind {@code UNAUTHORIZED} when Keystone refuses the
	 * credentials
	 */
	IssuedToken issue(PasswordCredentials credentials);

}
