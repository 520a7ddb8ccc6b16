package io.stackgate.cli.client;

import java.net.URI;

/**
 * A call to the gateway that failed; carries the request's method and URL.
 */
public abstract class GatewayException extends RuntimeException {

	private static final long serialVersionUID = 1L;

	private final String method;

	private final URI uri;

	protected GatewayException(String method, URI uri, String message, Throwable cause) {
		super(message, cause);
		this.method = method;
		this.uri = uri;
	}

	/**
	 * The HTTP method of the failed request.
	 * @return for example {@code GET}
	 */
	public String method() {
		return this.method;
	}

	/**
	 * The URL of the failed request.
	 * @return the URL
	 */
	public URI uri() {
		return this.uri;
	}

}
