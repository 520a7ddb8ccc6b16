package io.stackgate.api;

import java.time.Instant;

import com.fasterxml.jackson.annotation.JsonProperty;
import io.swagger.v3.oas.annotations.media.Schema;

/**
 * A Keystone token issued through the gateway; send it back in {@code X-Auth-Token}.
 *
 * @param token the token
 * @param expiresAt when Keystone stops accepting it
 * @param user the user name it belongs to
 * @param project the project name it is scoped to
 */
@Schema(description = "A Keystone token issued through the gateway; send it back in X-Auth-Token",
		requiredProperties = { "token", "expires_at", "user", "project" })
public record TokenDto(@Schema(description = "The token", example = "gAAAAABnexampletoken") String token,
		@Schema(description = "When Keystone stops accepting it (UTC)",
				example = "2026-11-27T06:34:30Z") @JsonProperty("expires_at") Instant expiresAt,
		@Schema(description = "The user name it belongs to", example = "demo") String user,
		@Schema(description = "The project name it is scoped to", example = "demo") String project) {

	@Override
	public String toString() {
		return "TokenDto[token=***, expiresAt=" + this.expiresAt + ", user=" + this.user + ", project=" + this.project
				+ "]";
	}

}
