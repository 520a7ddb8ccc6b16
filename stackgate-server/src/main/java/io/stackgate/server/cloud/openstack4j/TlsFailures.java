package io.stackgate.server.cloud.openstack4j;

import javax.net.ssl.SSLHandshakeException;
import javax.net.ssl.SSLPeerUnverifiedException;

/**
 * Says in one line why a TLS handshake with OpenStack failed: the Java stack's own
 * exceptions run over several lines and name neither cause nor remedy.
 */
final class TlsFailures {

	private static final String REMEDY = "give the cloud's CA certificates as cacert in clouds.yaml or OS_CACERT";

	private TlsFailures() {
	}

	/**
	 * @param ex a failed call
	 * @return whether it failed in its TLS handshake, so before anything was sent
	 */
	static boolean isHandshake(Throwable ex) {
		return find(ex, SSLHandshakeException.class) != null || find(ex, SSLPeerUnverifiedException.class) != null;
	}

	/**
	 * @param ex a call that failed in its TLS handshake
	 * @return why, in one line, with the remedy
	 */
	static String describe(Throwable ex) {
		SSLPeerUnverifiedException unverified = find(ex, SSLPeerUnverifiedException.class);
		if (unverified != null) {
			return "its TLS certificate is not for that host (" + firstLine(unverified.getMessage()) + ")";
		}
		Throwable root = ex;
		while (root.getCause() != null) {
			root = root.getCause();
		}
		return "its TLS certificate is not trusted (" + firstLine(root.getMessage()) + "); " + REMEDY;
	}

	private static String firstLine(String message) {
		if (message == null) {
			return "no reason given";
		}
		int end = message.indexOf('\n');
		return ((end < 0) ? message : message.substring(0, end)).strip();
	}

	private static <T extends Throwable> T find(Throwable ex, Class<T> type) {
		for (Throwable cause = ex; cause != null; cause = cause.getCause()) {
			if (type.isInstance(cause)) {
				return type.cast(cause);
			}
		}
		return null;
	}

}
