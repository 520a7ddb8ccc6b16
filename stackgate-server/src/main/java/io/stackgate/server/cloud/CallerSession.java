package io.stackgate.server.cloud;

import java.time.Instant;

/**
 * A caller's own Keystone token, validated: the cloud is called with it, as that user in
 * that project, so that Keystone roles and Nova and Neutron policies apply to the caller.
 * The gateway cannot renew it.
 */
public interface CallerSession extends CloudSession {

	/**
	 * @return the Keystone user id
	 */
	String userId();

	/**
	 * @return the Keystone user name
	 */
	String userName();

	/**
	 * @return the name of the project the token is scoped to
	 */
	String projectName();

	/**
	 * @return when Keystone stops accepting the token
	 */
	Instant expiresAt();

	/**
	 * @return when Keystone last accepted the token for the gateway: a revocation since
	 * is not known
	 */
	Instant validatedAt();

}
