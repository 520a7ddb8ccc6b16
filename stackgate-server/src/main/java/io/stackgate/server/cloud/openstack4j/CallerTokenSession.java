package io.stackgate.server.cloud.openstack4j;

import java.time.Instant;

import org.openstack4j.model.identity.v3.Token;

import io.stackgate.server.cloud.CallerSession;
import io.stackgate.server.cloud.CloudException;
import io.stackgate.server.cloud.OpenStackService;

/**
 * A caller's validated token, with the catalog Keystone returned for it. The gateway
 * calls the cloud with it and cannot renew it: a refused token ends the call with
 * {@code UNAUTHORIZED}, and the caller logs in again.
 */
final class CallerTokenSession implements TokenSession, CallerSession {

	private final Token token;

	private final Instant validatedAt;

	CallerTokenSession(Token token, Instant validatedAt) {
		this.token = token;
		this.validatedAt = validatedAt;
	}

	@Override
	public String projectId() {
		return this.token.getProject().getId();
	}

	@Override
	public String projectName() {
		return this.token.getProject().getName();
	}

	@Override
	public String userId() {
		return this.token.getUser().getId();
	}

	@Override
	public String userName() {
		return this.token.getUser().getName();
	}

	@Override
	public Instant expiresAt() {
		return this.token.getExpires().toInstant();
	}

	@Override
	public Instant validatedAt() {
		return this.validatedAt;
	}

	@Override
	public Token token() {
		return this.token;
	}

	@Override
	public Token renew(Token rejected) {
		throw new CloudException(CloudException.Kind.UNAUTHORIZED, OpenStackService.IDENTITY,
				"OpenStack refused the caller's token; log in again for a new one", null, null, null);
	}

	@Override
	public String toString() {
		return "CallerTokenSession[user=" + userName() + ", project=" + projectName() + ", expiresAt=" + expiresAt()
				+ "]";
	}

}
