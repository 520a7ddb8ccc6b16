package io.stackgate.cli.client;

import java.io.IOException;
import java.net.URI;

/**
 * The gateway could not be reached, or it did not answer in time.
 */
public class GatewayUnreachableException extends GatewayException {

	private static final long serialVersionUID = 1L;

	GatewayUnreachableException(String method, URI uri, IOException cause) {
		super(method, uri, "Cannot reach the gateway at " + origin(uri) + ": " + describe(cause), cause);
	}

	private static String origin(URI uri) {
		return uri.getScheme() + "://" + uri.getAuthority();
	}

	private static String describe(IOException cause) {
		String message = cause.getMessage();
		if (cause instanceof java.net.ConnectException) {
			return "connection refused";
		}
		if (cause instanceof java.net.SocketTimeoutException) {
			return "no answer in time";
		}
		if (cause instanceof java.net.UnknownHostException) {
			return "unknown host " + message;
		}
		return (message != null) ? message : cause.getClass().getSimpleName();
	}

}
