package io.stackgate.cli.client;

import java.net.URI;

/**
 * The gateway answered with something the CLI cannot read: a body that is not the
 * expected JSON, or a status the API does not use.
 */
public class UnexpectedResponseException extends GatewayException {

	private static final long serialVersionUID = 1L;

	private final int status;

	UnexpectedResponseException(String method, URI uri, int status, String reason, Throwable cause) {
		super(method, uri, "Unexpected response from the gateway (HTTP " + status + "): " + reason, cause);
		this.status = status;
	}

	/**
	 * The HTTP status of the response.
	 * @return the status
	 */
	public int status() {
		return this.status;
	}

}
