package io.stackgate.server.cloud.openstack4j;

import org.openstack4j.model.identity.v3.Token;

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

}
