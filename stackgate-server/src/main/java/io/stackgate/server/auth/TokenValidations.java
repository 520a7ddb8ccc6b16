package io.stackgate.server.auth;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.CompletableFuture;

import com.github.benmanes.caffeine.cache.AsyncCache;
import com.github.benmanes.caffeine.cache.Caffeine;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;

import io.stackgate.server.cloud.CallerSession;
import io.stackgate.server.cloud.CallerTokens;
import io.stackgate.server.cloud.CloudException;
import io.stackgate.server.cloud.OpenStackService;
import io.stackgate.server.web.Futures;

/**
 * Keystone's answers about tokens, reused for {@code stackgate.auth.token-cache-ttl}, the way keystonemiddleware
 * caches them: keyed by the token's SHA-256 (the token itself is not kept as a key), never past the token's
 * expiry, which is checked again on every hit. Refusals are reused too, so that a client repeating a bad token
 * does not reach Keystone each time; failures to reach Keystone are not, and the request is refused. Concurrent
 * requests with a token that is not cached share one validation: the first runs it on its own thread, the others
 * wait for its answer in Caffeine's asynchronous cache.
 */
class TokenValidations {

	private final CallerTokens tokens;

	private final Duration ttl;

	private final Clock clock;

	private final AsyncCache<String, Validation> validations;

	private final Counter accepted;

	private final Counter refused;

	private final Counter failed;

	TokenValidations(CallerTokens tokens, Duration ttl, int maxSize, Clock clock, MeterRegistry meterRegistry) {
		this.tokens = tokens;
		this.ttl = ttl;
		this.clock = clock;
		this.validations = Caffeine.newBuilder().expireAfterWrite(ttl).maximumSize(maxSize).buildAsync();
		this.accepted = validationCounter(meterRegistry, "valid");
		this.refused = validationCounter(meterRegistry, "invalid");
		this.failed = validationCounter(meterRegistry, "failed");
	}

	/**
	 * @param token a token a caller sent
	 * @param requestId the gateway request id, for Keystone
	 * @return the caller's session
	 * @throws CloudException of kind {@code UNAUTHORIZED} when the token is not valid; of another kind when
	 * Keystone could not be asked
	 */
	CallerSession validate(String token, String requestId) {
		String key = Secrets.sha256Hex(token);
		CompletableFuture<Validation> cached = this.validations.getIfPresent(key);
		if (cached != null && cached.isDone() && !cached.isCompletedExceptionally()
				&& !cached.join().isFresh(this.clock.instant())) {
			this.validations.asMap().remove(key, cached);
		}
		CompletableFuture<Validation> mine = new CompletableFuture<>();
		CompletableFuture<Validation> validation = this.validations.get(key, (k, executor) -> mine);
		if (validation == mine) {
			// This request asks Keystone; a failure is not cached: Caffeine drops a future that failed.
			try {
				mine.complete(ask(token, requestId));
			}
			catch (RuntimeException ex) {
				mine.completeExceptionally(ex);
			}
		}
		return Futures.join(validation).session(this.clock.instant());
	}

	private Validation ask(String token, String requestId) {
		Instant now = this.clock.instant();
		try {
			CallerSession session = this.tokens.validate(token, requestId);
			this.accepted.increment();
			return new Validation(session, null, now.plus(this.ttl));
		}
		catch (CloudException ex) {
			if (ex.kind() != CloudException.Kind.UNAUTHORIZED) {
				this.failed.increment();
				throw ex;
			}
			this.refused.increment();
			return new Validation(null, ex.getMessage(), now.plus(this.ttl));
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
	 * @param freshUntil until when the answer is reused; a valid token only until it expires
	 */
	private record Validation(CallerSession session, String refusal, Instant freshUntil) {

		boolean isFresh(Instant now) {
			return now.isBefore(this.freshUntil);
		}

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
