package io.stackgate.server.auth;

import java.security.MessageDigest;
import java.util.HexFormat;
import java.util.List;

import jakarta.servlet.http.HttpServletRequest;

import io.stackgate.server.auth.AuthProperties.ApiKey;
import io.stackgate.server.auth.AuthProperties.Role;
import io.stackgate.server.cloud.CloudSession;

/**
 * Mode {@code service}: the caller sends an API key in {@code X-API-Key}, and the cloud
 * is called as the gateway's own identity. Only the keys' SHA-256 hashes are configured;
 * the hash of the key sent is compared with every one of them in constant time.
 */
class ApiKeyAuthenticator implements Authenticator {

	static final String KEY_HEADER = "X-API-Key";

	private final List<Key> keys;

	private final CloudSession serviceSession;

	ApiKeyAuthenticator(List<ApiKey> keys, CloudSession serviceSession) {
		this.keys = keys.stream()
			.map((key) -> new Key(key.name(), HexFormat.of().parseHex(key.sha256()), key.role()))
			.toList();
		this.serviceSession = serviceSession;
	}

	@Override
	public Caller authenticate(HttpServletRequest request) {
		String presented = request.getHeader(KEY_HEADER);
		if (presented == null || presented.isEmpty()) {
			throw new Unauthenticated("No X-API-Key header: send an API key");
		}
		byte[] hash = Secrets.sha256(presented);
		Key match = null;
		for (Key key : this.keys) {
			// Every key is compared, so that the time taken does not tell which one
			// matched.
			if (MessageDigest.isEqual(key.sha256(), hash)) {
				match = key;
			}
		}
		if (match == null) {
			throw new Unauthenticated("Unknown API key", Secrets.fingerprint(presented));
		}
		return new Caller(match.name(), match.name(), "key:" + match.name(), this.serviceSession,
				match.role() == Role.READER);
	}

	@Override
	public String challenge() {
		return "ApiKey header=\"" + KEY_HEADER + "\"";
	}

	private record Key(String name, byte[] sha256, Role role) {
	}

}
