package io.stackgate.server.cloud;

/**
 * Credentials to call the cloud with: the gateway's own Keystone session, or a caller's
 * validated token. Only the cloud adapter that issued a session can use it.
 */
public interface CloudSession {

	/**
	 * @return the id of the project the session is scoped to
	 */
	String projectId();

}
