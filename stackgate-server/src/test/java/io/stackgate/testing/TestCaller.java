package io.stackgate.testing;

import java.time.Instant;

import io.stackgate.server.cloud.CallerSession;

/**
 * A validated caller token for tests: user {@code userId} in project {@code projectId},
 * both named {@code demo}.
 *
 * @param projectId the project the token is scoped to
 * @param userId the Keystone user id
 * @param expiresAt when the token expires
 */
public record TestCaller(String projectId, String userId, Instant expiresAt) implements CallerSession {

	/** Validated just now: a test's token is never one whose validation is old. */
	@Override
	public Instant validatedAt() {
		return Instant.now();
	}

	@Override
	public String userName() {
		return "demo";
	}

	@Override
	public String projectName() {
		return "demo";
	}

}
