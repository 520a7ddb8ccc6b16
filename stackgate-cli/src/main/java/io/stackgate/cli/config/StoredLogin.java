package io.stackgate.cli.config;

import java.time.Instant;

/**
 * What {@code stackgate login} keeps in {@code ~/.config/stackgate/token.json}.
 *
 * @param url the gateway logged in to
 * @param token the Keystone token
 * @param expiresAt when the token stops working
 * @param user the user name
 * @param project the project the token is scoped to
 */
public record StoredLogin(String url, String token, Instant expiresAt, String user, String project) {

	/**
	 * Whether the token has expired, or will within a minute.
	 * @param now the current time
	 * @return {@code true} when a request with it would likely be refused
	 */
	public boolean isExpired(Instant now) {
		return this.expiresAt != null && !now.plusSeconds(60).isBefore(this.expiresAt);
	}

	@Override
	public String toString() {
		return "StoredLogin[url=" + this.url + ", token=***, expiresAt=" + this.expiresAt + ", user=" + this.user
				+ ", project=" + this.project + "]";
	}

}
