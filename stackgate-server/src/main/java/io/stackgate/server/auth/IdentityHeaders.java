package io.stackgate.server.auth;

import java.util.Collections;
import java.util.Enumeration;
import java.util.List;
import java.util.Locale;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletRequestWrapper;

/**
 * Hides the identity headers that keystonemiddleware sets for the services behind it
 * ({@code X-User-Id}, {@code X-Project-Id}, {@code X-Roles}, {@code X-Identity-Status},
 * ...): sent by a client, they are lies, and nothing behind this point may see them.
 */
final class IdentityHeaders {

	private static final List<String> PREFIXES = List.of("x-user-", "x-project-", "x-service-", "x-domain-",
			"x-tenant-", "x-identity-", "x-auth-project-");

	private static final List<String> NAMES = List.of("x-user", "x-tenant", "x-role", "x-roles", "x-identity-status",
			"x-is-admin-project", "x-service-catalog", "x-service-roles", "x-service-identity-status");

	private IdentityHeaders() {
	}

	/**
	 * @return whether a header of this name carries an identity
	 */
	static boolean isIdentity(String name) {
		String lower = name.toLowerCase(Locale.ROOT);
		return NAMES.contains(lower) || PREFIXES.stream().anyMatch(lower::startsWith);
	}

	/**
	 * @return the request without identity headers
	 */
	static HttpServletRequest strip(HttpServletRequest request) {
		boolean any = Collections.list(request.getHeaderNames()).stream().anyMatch(IdentityHeaders::isIdentity);
		return any ? new Stripped(request) : request;
	}

	private static final class Stripped extends HttpServletRequestWrapper {

		Stripped(HttpServletRequest request) {
			super(request);
		}

		@Override
		public String getHeader(String name) {
			return isIdentity(name) ? null : super.getHeader(name);
		}

		@Override
		public Enumeration<String> getHeaders(String name) {
			return isIdentity(name) ? Collections.emptyEnumeration() : super.getHeaders(name);
		}

		@Override
		public Enumeration<String> getHeaderNames() {
			return Collections.enumeration(
					Collections.list(super.getHeaderNames()).stream().filter((name) -> !isIdentity(name)).toList());
		}

		@Override
		public long getDateHeader(String name) {
			return isIdentity(name) ? -1 : super.getDateHeader(name);
		}

		@Override
		public int getIntHeader(String name) {
			return isIdentity(name) ? -1 : super.getIntHeader(name);
		}

	}

}
