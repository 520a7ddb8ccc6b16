package io.stackgate.server.auth;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.Executor;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;

import io.stackgate.server.cloud.CallerSession;
import io.stackgate.server.cloud.CallerTokens;
import io.stackgate.server.cloud.CloudException;
import io.stackgate.server.cloud.IssuedToken;
import io.stackgate.server.cloud.OpenStackService;
import io.stackgate.server.cloud.PasswordCredentials;
import io.stackgate.server.cache.ResilientCache;
import io.stackgate.server.cache.ResilientCache.Freshness;
import io.stackgate.server.concurrent.Futures;

/**
 * Keystone's answers about tokens, reused for {@code stackgate.auth.token-cache-ttl}, the
 * way keystonemiddleware caches them: keyed by the token's SHA-256 (the token itself is
 * not kept as a key), never past the token's expiry, which is checked again on every hit.
 * Refusals are reused too, so that a client repeating a bad token does not reach Keystone
 * each time; failures to reach Keystone are not. A validation used after 80% of its TTL
 * is renewed in the background; while Keystone is out, a validation is used for
 * {@code stackgate.auth.token-cache-stale-if-error} past its TTL (see
 * {@link ResilientCache}), never while Keystone answers. Concurrent requests with a token
 * that is not cached share one validation, run on the first one's thread. A token the
 * gateway issued ({@code POST /api/v1/auth/tokens}) is cached as valid from the moment
 * Keystone issued it: its first request asks nothing of Keystone.
 */
class TokenValidations {

	private final CallerTokens tokens;

	private final Clock clock;

	private final ResilientCache<String, Validation> validations;

	private final Counter accepted;

	private final Counter refused;

	private final Counter failed;

	TokenValidations(CallerTokens tokens, AuthProperties auth, Executor executor, Clock clock,
			MeterRegistry meterRegistry) {
		this.tokens = tokens;
		this.clock = clock;
		this.validations = new ResilientCache<>(
				new Freshness(auth.tokenCacheTtl(), Duration.ZERO, auth.tokenCacheStaleIfError()),
				auth.tokenCacheSize(), executor, Runnable::run, clock);
		this.accepted = validationCounter(meterRegistry, "valid");
		this.refused = validationCounter(meterRegistry, "invalid");
		this.failed = validationCounter(meterRegistry, "failed");
	}

	/**
	 * @param token a token a caller sent
	 * @param requestId the gateway request id, for Keystone
	 * @return the caller's session
	 * @throws CloudException of kind {@code UNAUTHORIZED} when the token is not valid; of
	 * another kind when Keystone could not be asked
	 */
	CallerSession validate(String token, String requestId) {
		String key = Secrets.sha256Hex(token);
		return Futures.join(this.validations.get(key, () -> ask(token, requestId)))
			.value()
			.session(this.clock.instant());
	}

	/**
	 * Logs in to Keystone with a password and remembers the new token as valid.
	 * @see CallerTokens#issue
	 */
	IssuedToken issue(PasswordCredentials credentials) {
		IssuedToken issued = this.tokens.issue(credentials);
		this.validations.put(Secrets.sha256Hex(issued.token()), new Validation(issued.session(), null));
		return issued;
	}

	private Validation ask(String token, String requestId) {
		try {
			CallerSession session = this.tokens.validate(token, requestId);
			this.accepted.increment();
			return new Validation(session, null);
		}
		catch (CloudException ex) {
			if (ex.kind() != CloudException.Kind.UNAUTHORIZED) {
				this.failed.increment();
				throw ex;
			}
			this.refused.increment();
			return new Validation(null, ex.getMessage());
		}
	}

	private static Counter validationCounter(MeterRegistry meterRegistry, String outcome) {
		return Counter.builder("stackgate.auth.token.validations")
			.description("Token validations asked of Keystone (cache misses)")
			.tag("outcome", outcome)
			.register(meterRegistry);
	}

	/**
	 * Keystone's answer about one token.
	 *
	 * @param session the caller's session when the token is valid
	 * @param refusal why Keystone refused it otherwise
	 */
	private record Validation(CallerSession session, String refusal) {

		CallerSession session(Instant now) {
			if (this.session == null) {
				throw unauthorized(this.refusal);
			}
			if (!now.isBefore(this.session.expiresAt())) {
				throw unauthorized("The token has expired");
			}
			return this.session;
		}

		private static CloudException unauthorized(String message) {
			return new CloudException(CloudException.Kind.UNAUTHORIZED, OpenStackService.IDENTITY, message, null, null,
					null);
		}

	}

}
