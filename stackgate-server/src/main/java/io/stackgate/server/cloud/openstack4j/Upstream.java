package io.stackgate.server.cloud.openstack4j;

import java.io.InterruptedIOException;
import java.lang.reflect.Field;
import java.net.ConnectException;
import java.net.NoRouteToHostException;
import java.net.UnknownHostException;
import java.util.function.Supplier;

import org.openstack4j.api.exceptions.AuthenticationException;
import org.openstack4j.api.exceptions.ClientResponseException;
import org.openstack4j.api.exceptions.ConnectionException;
import org.openstack4j.api.exceptions.OS4JException;
import org.openstack4j.api.exceptions.ResponseException;

import io.stackgate.server.cloud.CloudException;
import io.stackgate.server.cloud.CloudException.Kind;
import io.stackgate.server.cloud.OpenStackService;

/**
 * Runs openstack4j calls and turns their exceptions into {@link CloudException}s, keeping
 * the status and OpenStack request id.
 */
final class Upstream {

	private static final Field REQUEST_ID = requestIdField();

	private Upstream() {
	}

	/**
	 * @param service the service the call goes to
	 * @param call the openstack4j call
	 * @return what the call returned
	 * @throws CloudException when it failed
	 */
	static <T> T call(OpenStackService service, Supplier<T> call) {
		try {
			return call.get();
		}
		catch (ConnectionException ex) {
			throw connectionFailure(service, ex);
		}
		catch (ResponseException ex) {
			throw translate(service, ex);
		}
		catch (OS4JException ex) {
			// For example no endpoint of the service in the token's catalog.
			throw new CloudException(Kind.UPSTREAM_ERROR, service, service.projectName() + ": " + ex.getMessage(), null,
					null, ex);
		}
	}

	/**
	 * Only a connection that could not be made proves that the service never saw the
	 * request ({@code UNAVAILABLE}, a 503 that says nothing was done). A connection that
	 * timed out, or broke before the answer (a service stopped while it worked on a
	 * create, seen in FaultIT), may have been acted on: {@code TIMEOUT}, like a late
	 * answer, so that no caller takes a create made for one that failed. A TLS handshake
	 * that failed sent nothing either. Any failed connection also closes the idle kept
	 * ones: they may lead to the same process.
	 */
	private static CloudException connectionFailure(OpenStackService service, ConnectionException ex) {
		UpstreamConnections.closeIdle();
		if (TlsFailures.isHandshake(ex)) {
			return new CloudException(Kind.UNAVAILABLE, service,
					service.projectName() + " could not be reached: " + TlsFailures.describe(ex), null, null, ex);
		}
		if (hasCause(ex, InterruptedIOException.class)) {
			return new CloudException(Kind.TIMEOUT, service, service.projectName() + " did not answer in time", null,
					null, ex);
		}
		if (hasCause(ex, ConnectException.class) || hasCause(ex, UnknownHostException.class)
				|| hasCause(ex, NoRouteToHostException.class)) {
			return new CloudException(Kind.UNAVAILABLE, service, service.projectName() + " could not be reached", null,
					null, ex);
		}
		return new CloudException(Kind.TIMEOUT, service,
				service.projectName() + " closed the connection before answering", null, null, ex);
	}

	/**
	 * A failure for a response that openstack4j did not treat as one, such as a failed
	 * {@code ActionResponse}. Like every 5xx, its message does not repeat what the
	 * service said.
	 */
	static CloudException failure(OpenStackService service, int status, String message) {
		String description = (status >= 500) ? service.projectName() + " answered " + status
				: describe(service, status, message);
		return new CloudException(kindOf(status, message), service, description, status, null, null);
	}

	private static CloudException translate(OpenStackService service, ResponseException ex) {
		int status = ex.getStatus();
		Kind kind = (ex instanceof AuthenticationException) ? Kind.UNAUTHORIZED : kindOf(status, ex.getMessage());
		String message = (ex instanceof ClientResponseException || ex instanceof AuthenticationException)
				? describe(service, status, ex.getMessage()) : service.projectName() + " answered " + status;
		return new CloudException(kind, service, message, status, requestId(ex), ex);
	}

	private static Kind kindOf(int status, String message) {
		return switch (status) {
			case 400 -> Kind.BAD_REQUEST;
			case 401 -> Kind.UNAUTHORIZED;
			case 403 -> isLimit(message) ? Kind.QUOTA : Kind.FORBIDDEN;
			case 404 -> Kind.NOT_FOUND;
			case 409, 413 -> Kind.CONFLICT;
			case 503 -> Kind.UNAVAILABLE;
			case 504 -> Kind.TIMEOUT;
			default -> Kind.UPSTREAM_ERROR;
		};
	}

	/**
	 * Nova answers 403 both for its policy and for a quota or limit, which its message
	 * names: "Quota exceeded for instances: ...", "Maximum number of metadata items
	 * exceeds 128", "Maximum number of key pairs exceeded", "Personality file limit
	 * exceeded", "Personality file path too long".
	 */
	private static boolean isLimit(String message) {
		return message != null && (message.contains("Quota exceeded") || message.contains("Maximum number of")
				|| message.contains("Personality file"));
	}

	private static String describe(OpenStackService service, int status, String message) {
		return service.projectName() + " answered " + status + ((message != null) ? ": " + message : "");
	}

	private static boolean hasCause(Throwable ex, Class<? extends Throwable> type) {
		for (Throwable cause = ex; cause != null; cause = cause.getCause()) {
			if (type.isInstance(cause)) {
				return true;
			}
		}
		return false;
	}

	/**
	 * openstack4j records the X-Openstack-Request-Id of a failed response but offers no
	 * getter for it.
	 */
	private static String requestId(ResponseException ex) {
		try {
			return (String) REQUEST_ID.get(ex);
		}
		catch (IllegalAccessException ex2) {
			return null;
		}
	}

	private static Field requestIdField() {
		try {
			Field field = ResponseException.class.getDeclaredField("requestId");
			field.setAccessible(true);
			return field;
		}
		catch (NoSuchFieldException ex) {
			throw new IllegalStateException("openstack4j's ResponseException has no requestId field", ex);
		}
	}

}
