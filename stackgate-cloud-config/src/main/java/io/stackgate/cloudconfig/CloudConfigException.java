package io.stackgate.cloudconfig;

/**
 * The OpenStack cloud configuration is missing or wrong. The message is meant for the
 * operator: one line that says what to fix.
 */
public class CloudConfigException extends RuntimeException {

	public CloudConfigException(String message) {
		super(message);
	}

}
