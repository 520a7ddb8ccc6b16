package io.stackgate.cli.client;

/**
 * How the CLI proves who it is to the gateway.
 */
public sealed interface Credentials {

	/**
	 * The request header that carries these credentials.
	 * @return the header name, or {@code null} for {@link None}
	 */
	String headerName();

	/**
	 * The value of {@link #headerName()}.
	 * @return the secret, or {@code null} for {@link None}
	 */
	String headerValue();

	/**
	 * A Keystone token, sent in {@code X-Auth-Token} (the gateway's default "keystone"
	 * auth mode).
	 *
	 * @param token the token
	 */
	record Token(String token) implements Credentials {

		@Override
		public String headerName() {
			return "X-Auth-Token";
		}

		@Override
		public String headerValue() {
			return this.token;
		}

		@Override
		public String toString() {
			return "Token[***]";
		}

	}

	/**
	 * An API key, sent in {@code X-API-Key} (the gateway's "service" auth mode).
	 *
	 * @param key the key
	 */
	record ApiKey(String key) implements Credentials {

		@Override
		public String headerName() {
			return "X-API-Key";
		}

		@Override
		public String headerValue() {
			return this.key;
		}

		@Override
		public String toString() {
			return "ApiKey[***]";
		}

	}

	/** No credentials: only {@code login} and an open gateway work without. */
	record None() implements Credentials {

		@Override
		public String headerName() {
			return null;
		}

		@Override
		public String headerValue() {
			return null;
		}

	}

}
