package io.stackgate.server.auth;

/**
 * The {@code stackgate.auth.*} settings are unsafe or inconsistent: the gateway does not
 * start. The message is one line that says what to fix.
 */
public class AuthConfigException extends RuntimeException {

	AuthConfigException(String message) {
		super(message);
	}

}
