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

	/**
	 * @return whether the gateway's TLS certificate was not trusted: the remedy is then
	 * {@code STACKGATE_CACERT}, not another URL
	 */
	public boolean isUntrusted() {
		return isTls(getCause());
	}

	private static boolean isTls(Throwable cause) {
		return cause instanceof javax.net.ssl.SSLHandshakeException
				|| cause instanceof javax.net.ssl.SSLPeerUnverifiedException;
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
		if (isTls(cause)) {
			Throwable root = cause;
			while (root.getCause() != null) {
				root = root.getCause();
			}
			return "its TLS certificate is not trusted (" + root.getMessage().lines().findFirst().orElse("") + ")";
		}
		return (message != null) ? message : cause.getClass().getSimpleName();
	}

}
