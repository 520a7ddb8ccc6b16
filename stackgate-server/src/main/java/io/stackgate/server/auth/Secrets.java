package io.stackgate.server.auth;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/**
 * Hashes of secrets (tokens, API keys): what the gateway keeps and logs instead of the
 * secrets themselves.
 */
final class Secrets {

	private static final int FINGERPRINT_LENGTH = 8;

	private Secrets() {
	}

	/**
	 * @return the SHA-256 of the secret's UTF-8 bytes
	 */
	static byte[] sha256(String secret) {
		try {
			return MessageDigest.getInstance("SHA-256").digest(secret.getBytes(StandardCharsets.UTF_8));
		}
		catch (NoSuchAlgorithmException ex) {
			throw new IllegalStateException("Every Java runtime has SHA-256", ex);
		}
	}

	/**
	 * @return the SHA-256 of the secret, in lower-case hexadecimal
	 */
	static String sha256Hex(String secret) {
		return HexFormat.of().formatHex(sha256(secret));
	}

	/**
	 * @return a short prefix of the secret's SHA-256, enough to tell secrets apart in a
	 * log
	 */
	static String fingerprint(String secret) {
		return "sha256:" + sha256Hex(secret).substring(0, FINGERPRINT_LENGTH);
	}

}
