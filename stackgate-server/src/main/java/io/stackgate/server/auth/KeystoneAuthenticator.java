package io.stackgate.server.auth;

import jakarta.servlet.http.HttpServletRequest;

import io.stackgate.server.cloud.CallerSession;
import io.stackgate.server.web.RequestIds;

/**
 * Mode {@code keystone}: the caller sends a Keystone token in {@code X-Auth-Token}, and
 * the cloud is called with it, as that user in that project.
 */
class KeystoneAuthenticator implements Authenticator {

	static final String TOKEN_HEADER = "X-Auth-Token";

	/** Metrics name no Keystone user: their number is not bounded. */
	static final String METRICS_TAG = "keystone-user";

	private final TokenValidations validations;

	private final String challenge;

	KeystoneAuthenticator(TokenValidations validations, String authUrl) {
		this.validations = validations;
		this.challenge = "Keystone uri=\"" + authUrl + "\"";
	}

	@Override
	public Caller authenticate(HttpServletRequest request) {
		String token = request.getHeader(TOKEN_HEADER);
		if (token == null || token.isBlank()) {
			throw new Unauthenticated("No X-Auth-Token header: send a Keystone token, for example one from "
					+ "POST /api/v1/auth/tokens");
		}
		String stripped = token.strip();
		if (!stripped.chars().allMatch((c) -> c > 0x20 && c < 0x7f)) {
			// Keystone's tokens are printable ASCII; anything else cannot even be sent on
			// to Keystone.
			throw new Unauthenticated(
					"The X-Auth-Token header is not a Keystone token: it has characters no " + "token has");
		}
		CallerSession session = this.validations.validate(stripped, RequestIds.of(request));
		return new Caller(session.userName() + "@" + session.projectName(), METRICS_TAG, "user:" + session.userId(),
				session, false);
	}

	@Override
	public String challenge() {
		return this.challenge;
	}

}
