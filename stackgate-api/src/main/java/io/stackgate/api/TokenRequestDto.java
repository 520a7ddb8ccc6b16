package io.stackgate.api;

/**
 * The body of {@code POST /api/v1/auth/tokens}: a Keystone password login.
 *
 * @param username the Keystone user name
 * @param password the password; never stored or logged by the gateway
 * @param project the project name to scope the token to
 * @param domain the domain of the user and the project, {@code Default} when absent
 */
public record TokenRequestDto(String username, String password, String project, String domain) {

	@Override
	public String toString() {
		return "TokenRequestDto[username=" + this.username + ", password=***, project=" + this.project + ", domain="
				+ this.domain + "]";
	}

}
