package io.stackgate.server.cloud;

import java.time.Instant;

/**
 * A token Keystone issued for a password login.
 *
 * @param token the token; never logged or printed
 * @param expiresAt when Keystone stops accepting it
 * @param userName the user it belongs to
 * @param projectName the project it is scoped to
 */
public record IssuedToken(String token, Instant expiresAt, String userName, String projectName) {

	@Override
	public String toString() {
		return "IssuedToken[token=***, expiresAt=" + this.expiresAt + ", user=" + this.userName + ", project="
				+ this.projectName + "]";
	}

}
