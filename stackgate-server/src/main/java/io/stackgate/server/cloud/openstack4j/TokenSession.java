package io.stackgate.server.cloud.openstack4j;

import org.openstack4j.model.identity.v3.Token;

import io.stackgate.server.cloud.CallContext;
import io.stackgate.server.cloud.CloudSession;

/**
 * A {@link CloudSession} backed by a Keystone token that openstack4j can call with.
 */
interface TokenSession extends CloudSession {

	/**
	 * @return a token that is valid now
	 */
	Token token();

	/**
	 * Called when OpenStack refused {@code rejected}.
	 * @param rejected the token OpenStack refused
	 * @return a new token to retry with
	 * @throws io.stackgate.server.cloud.CloudException of kind {@code UNAUTHORIZED} when
	 * no new token can be had
	 */
	Token renew(Token rejected);

	/**
	 * @return the session a call of the gateway is made with: every session the gateway
	 * holds was made by this adapter (its own, or a caller's validated token)
	 * @throws IllegalArgumentException for a session of another kind
	 */
	static TokenSession of(CallContext context) {
		if (context.session() instanceof TokenSession session) {
			return session;
		}
		throw new IllegalArgumentException("Not a session of this adapter: " + context.session().getClass());
	}

}
