package io.stackgate.api;

import java.time.Instant;

import com.fasterxml.jackson.annotation.JsonProperty;

/**
 * A Keystone token issued through the gateway; send it back in {@code X-Auth-Token}.
 *
 * @param token the token
 * @param expiresAt when Keystone stops accepting it
 * @param user the user name it belongs to
 * @param project the project name it is scoped to
 */
public record TokenDto(String token, @JsonProperty("expires_at") Instant expiresAt, String user, String project) {

	@Override
	public String toString() {
		return "TokenDto[token=***, expiresAt=" + this.expiresAt + ", user=" + this.user + ", project=" + this.project
				+ "]";
	}

}
