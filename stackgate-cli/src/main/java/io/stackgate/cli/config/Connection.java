package io.stackgate.cli.config;

import java.net.URI;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;

import io.stackgate.cli.client.Credentials;
import io.stackgate.cli.command.CliException;
import io.stackgate.cli.command.ExitCode;

/**
 * The gateway to talk to and the credentials to send, chosen by precedence:
 * <ul>
 * <li>URL: {@code --url}, then {@code STACKGATE_URL}, then the URL of the stored login,
 * then {@value #DEFAULT_URL}.</li>
 * <li>Credentials: {@code --token}, then {@code STACKGATE_TOKEN}, then
 * {@code STACKGATE_API_KEY}, then the stored login's token, but only when the login is
 * for the same URL (a token is never sent to another gateway).</li>
 * </ul>
 *
 * @param url the gateway URL
 * @param credentials what to authenticate with
 */
public record Connection(URI url, Credentials credentials) {

	/** The gateway URL when nothing else says. */
	public static final String DEFAULT_URL = "http://127.0.0.1:8080";

	/**
	 * Applies the precedence.
	 * @param urlOption {@code --url}, may be {@code null}
	 * @param tokenOption {@code --token}, may be {@code null}
	 * @param env the environment
	 * @param login the stored login, if any
	 * @param now the current time
	 * @return the connection
	 * @throws CliException with {@link ExitCode#USAGE} for a malformed URL, with
	 * {@link ExitCode#AUTH} when the login it would use has expired
	 */
	public static Connection resolve(String urlOption, String tokenOption, Map<String, String> env,
			Optional<StoredLogin> login, Instant now) {
		URI url = url(urlOption, env, login);
		return new Connection(url, credentials(url, tokenOption, env, login, now));
	}

	/**
	 * The URL part of {@link #resolve}.
	 * @param urlOption {@code --url}, may be {@code null}
	 * @param env the environment
	 * @param login the stored login, if any
	 * @return the gateway URL, without a trailing slash
	 */
	public static URI url(String urlOption, Map<String, String> env, Optional<StoredLogin> login) {
		String url = firstNonBlank(urlOption, env.get("STACKGATE_URL"), login.map(StoredLogin::url).orElse(null),
				DEFAULT_URL);
		return parseUrl(url);
	}

	private static Credentials credentials(URI url, String tokenOption, Map<String, String> env,
			Optional<StoredLogin> login, Instant now) {
		String token = firstNonBlank(tokenOption, env.get("STACKGATE_TOKEN"));
		if (token != null) {
			return new Credentials.Token(token);
		}
		String apiKey = firstNonBlank(env.get("STACKGATE_API_KEY"));
		if (apiKey != null) {
			return new Credentials.ApiKey(apiKey);
		}
		if (login.isPresent() && sameGateway(login.get().url(), url)) {
			StoredLogin stored = login.get();
			if (stored.isExpired(now)) {
				throw new CliException(ExitCode.AUTH, "Your login to " + url + " as " + stored.user() + " expired at "
						+ stored.expiresAt() + ". Run 'stackgate login' again.");
			}
			return new Credentials.Token(stored.token());
		}
		return new Credentials.None();
	}

	private static boolean sameGateway(String storedUrl, URI url) {
		return storedUrl != null && parseUrl(storedUrl).equals(url);
	}

	private static URI parseUrl(String url) {
		String trimmed = url.trim();
		while (trimmed.endsWith("/")) {
			trimmed = trimmed.substring(0, trimmed.length() - 1);
		}
		try {
			URI uri = new URI(trimmed);
			if (("http".equalsIgnoreCase(uri.getScheme()) || "https".equalsIgnoreCase(uri.getScheme()))
					&& uri.getHost() != null && uri.getRawQuery() == null && uri.getRawFragment() == null) {
				return uri;
			}
		}
		catch (java.net.URISyntaxException ex) {
			// reported below
		}
		throw new CliException(ExitCode.USAGE,
				"Invalid gateway URL '" + url + "': expected http://HOST[:PORT][/PATH] or https://...");
	}

	private static String firstNonBlank(String... values) {
		for (String value : values) {
			if (value != null && !value.isBlank()) {
				return value;
			}
		}
		return null;
	}

}
