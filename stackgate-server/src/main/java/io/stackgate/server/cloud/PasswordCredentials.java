package io.stackgate.server.cloud;

/**
 * A Keystone password login, scoped to a project of the user's domain.
 *
 * @param username the user name
 * @param password the password; never stored, logged or printed
 * @param project the project name
 * @param domain the domain name of the user and the project
 */
public record PasswordCredentials(String username, String password, String project, String domain) {

	@Override
	public String toString() {
		return "PasswordCredentials[username=" + this.username + ", password=***, project=" + this.project + ", domain="
				+ this.domain + "]";
	}

}
