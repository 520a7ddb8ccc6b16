package io.stackgate.server.problem;

/**
 * A request without valid credentials, or whose credentials were refused.
 */
public class UnauthenticatedException extends RuntimeException {

	private final String challenge;

	/**
	 * @param reason why the credentials were refused; never the credentials themselves
	 * @param challenge the {@code WWW-Authenticate} challenge of the gateway's auth mode,
	 * or {@code null} past the authentication filter, which adds it to every 401
	 */
	public UnauthenticatedException(String reason, String challenge) {
		super(reason);
		this.challenge = challenge;
	}

	/**
	 * @return the {@code WWW-Authenticate} challenge
	 */
	public String challenge() {
		return this.challenge;
	}

}
