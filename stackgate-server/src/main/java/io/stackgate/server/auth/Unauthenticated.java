package io.stackgate.server.auth;

/**
 * A request without valid credentials (401). The message says what is missing or wrong,
 * never the credential.
 */
class Unauthenticated extends RuntimeException {

	private final String fingerprint;

	Unauthenticated(String message) {
		this(message, null);
	}

	/**
	 * @param message what is wrong, for the caller
	 * @param fingerprint the fingerprint of the credential sent (see
	 * {@link Secrets#fingerprint}), for the log
	 */
	Unauthenticated(String message, String fingerprint) {
		super(message, null, false, false);
		this.fingerprint = fingerprint;
	}

	/**
	 * @return the fingerprint of the credential sent, or {@code null}
	 */
	String fingerprint() {
		return this.fingerprint;
	}

}
