package io.stackgate.server.cloud;

import java.time.Instant;

/**
 * A token Keystone issued for a password login.
 *
 * @param token the token; never logged or printed
 * @param session the session the token opens, as Keystone described it when it issued it:
 * the gateway needs not ask Keystone about the token when it comes back
 */
public record IssuedToken(String token, CallerSession session) {

	/**
	 * @return when Keystone stops accepting the token
	 */
	public Instant expiresAt() {
		return this.session.expiresAt();
	}

	/**
	 * @return the user it belongs to
	 */
	public String userName() {
		return this.session.userName();
	}

	/**
	 * @return the project it is scoped to
	 */
	public String projectName() {
		return this.session.projectName();
	}

	@Override
	public String toString() {
		return "IssuedToken[token=***, expiresAt=" + expiresAt() + ", user=" + userName() + ", project=" + projectName()
				+ "]";
	}

}
