package io.stackgate.api;

import io.swagger.v3.oas.annotations.media.Schema;

/**
 * The body of {@code POST /api/v1/auth/tokens}: a Keystone password login.
 *
 * @param username the Keystone user name
 * @param password the password; never stored or logged by the gateway
 * @param project the project name to scope the token to
 * @param domain the domain of the user and the project, {@code Default} when absent
 */
@Schema(description = "A Keystone password login", requiredProperties = { "username", "password", "project" })
public record TokenRequestDto(
		@Schema(description = "The Keystone user name", example = "demo", minLength = 1,
				pattern = "\\S") String username,
		@Schema(description = "The password; the gateway sends it to Keystone and never stores or logs it",
				example = "demo", minLength = 1, format = "password") String password,
		@Schema(description = "The name of the project to scope the token to", example = "demo", minLength = 1,
				pattern = "\\S") String project,
		@Schema(description = "The domain of the user and the project", example = "Default",
				defaultValue = "Default") String domain) {

	@Override
	public String toString() {
		return "TokenRequestDto[username=" + this.username + ", password=***, project=" + this.project + ", domain="
				+ this.domain + "]";
	}

}
