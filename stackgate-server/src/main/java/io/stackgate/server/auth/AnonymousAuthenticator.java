package io.stackgate.server.auth;

import jakarta.servlet.http.HttpServletRequest;

import io.stackgate.server.cloud.CloudSession;

/**
 * Mode {@code none}: every request is the gateway's own identity, counted per client
 * address. Allowed on a loopback address only (see {@link AuthSettings}).
 */
class AnonymousAuthenticator implements Authenticator {

	private final CloudSession serviceSession;

	AnonymousAuthenticator(CloudSession serviceSession) {
		this.serviceSession = serviceSession;
	}

	@Override
	public Caller authenticate(HttpServletRequest request) {
		return new Caller("anonymous", "anonymous", "ip:" + ClientAddresses.of(request), this.serviceSession, false);
	}

	@Override
	public String challenge() {
		return "None";
	}

}
