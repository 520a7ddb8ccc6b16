package io.stackgate.server.auth;

import java.time.Duration;
import java.util.List;

import jakarta.validation.Valid;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * Who may call the gateway, and as whom it calls OpenStack, {@code stackgate.auth.*}.
 *
 * @param mode how callers authenticate: {@code keystone} (a Keystone token in
 * {@code X-Auth-Token}; the gateway calls OpenStack with it, as that user in that
 * project), {@code service} (an API key in {@code X-API-Key}; the gateway calls OpenStack
 * as its own identity) or {@code none} (no authentication; only on a loopback address)
 * @param tokenCacheTtl how long a Keystone token validation is reused (never past the
 * token's expiry); a revoked token is refused at the latest this long after its
 * revocation
 * @param tokenCacheStaleIfError how long past {@code token-cache-ttl} a validation is
 * still used while Keystone is unreachable, times out or answers 5xx (never past the
 * token's expiry); past it the gateway answers 503
 * @param tokenCacheSize the most token validations kept
 * @param apiKeys the API keys of mode {@code service}
 * @param allowedNetworks the client networks (CIDRs or addresses) allowed to call
 * anything but the health probes; empty for any
 * @param trustedProxies the proxies (CIDRs or addresses) whose {@code X-Forwarded-For}
 * names the client; the header of any other peer is ignored
 * @param rateLimit how many requests each caller may make
 */
@ConfigurationProperties("stackgate.auth")
@Validated
public record AuthProperties(@NotNull @DefaultValue("keystone") Mode mode,
		@NotNull @DefaultValue("60s") Duration tokenCacheTtl,
		@NotNull @DefaultValue("5m") Duration tokenCacheStaleIfError, @Min(1) @DefaultValue("10000") int tokenCacheSize,
		@Valid @DefaultValue List<ApiKey> apiKeys, @DefaultValue List<@NotBlank String> allowedNetworks,
		@DefaultValue List<@NotBlank String> trustedProxies, @Valid @DefaultValue RateLimit rateLimit) {

	/** How callers authenticate. */
	public enum Mode {

		/** A Keystone token in {@code X-Auth-Token}; OpenStack is called with it. */
		KEYSTONE,

		/**
		 * An API key in {@code X-API-Key}; OpenStack is called as the gateway's own
		 * identity.
		 */
		SERVICE,

		/** No authentication: only for a gateway on a loopback address. */
		NONE

	}

	/**
	 * An API key of mode {@code service}. The key itself is never configured: only its
	 * SHA-256, made with {@code printf %s "$KEY" | sha256sum}.
	 *
	 * @param name who holds the key; appears in logs and metrics
	 * @param sha256 the SHA-256 of the key, 64 hexadecimal digits
	 * @param role what the key may do
	 */
	public record ApiKey(@NotBlank @Pattern(regexp = "[A-Za-z0-9._-]{1,64}") String name,
			@NotBlank @Pattern(regexp = "[0-9a-fA-F]{64}", message = "must be 64 hexadecimal digits") String sha256,
			@NotNull Role role) {

	}

	/** What an API key may do. */
	public enum Role {

		/** Only read: {@code GET} and {@code HEAD}. */
		READER,

		/** Read, create and delete. */
		OPERATOR

	}

	/**
	 * Per-caller token buckets: a caller may make up to {@code requests} requests at
	 * once, and gets them back at that rate per {@code per}; server creates
	 * ({@code POST /api/v1/servers}) and logins ({@code POST /api/v1/auth/tokens}) also
	 * take from a smaller bucket of {@code creates}. A caller is an API key, a Keystone
	 * user, or, before it authenticated, a client address.
	 *
	 * @param requests requests per {@code per}, on every route; 0 for no limit
	 * @param creates creates and logins per {@code per}; 0 for no limit
	 * @param per the time in which an empty bucket fills up again
	 */
	public record RateLimit(@Min(0) @DefaultValue("600") int requests, @Min(0) @DefaultValue("30") int creates,
			@NotNull @DefaultValue("1m") Duration per) {

	}

}
