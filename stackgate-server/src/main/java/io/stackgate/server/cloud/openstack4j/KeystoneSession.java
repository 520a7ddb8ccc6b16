package io.stackgate.server.cloud.openstack4j;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.locks.ReentrantLock;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import org.openstack4j.api.OSClient.OSClientV3;
import org.openstack4j.model.identity.v3.Token;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import io.stackgate.server.cloud.CloudException;

/**
 * The gateway's own Keystone session: one password authentication shared by every request
 * thread.
 * <p>
 * The token is renewed {@code refreshMargin} before it expires, by a single thread: while
 * it logs in, the other threads go on with the old token as long as it is valid, and wait
 * only when there is no valid token at all. A token that OpenStack refuses is renewed at
 * most once per refusal, however many threads saw it refused.
 */
class KeystoneSession implements TokenSession {

	private static final Logger logger = LoggerFactory.getLogger(KeystoneSession.class);

	private final KeystoneLogin login;

	private final UpstreamCalls calls;

	private final Duration refreshMargin;

	private final Clock clock;

	private final ReentrantLock renewal = new ReentrantLock();

	private final Counter authentications;

	private volatile Token token;

	KeystoneSession(KeystoneLogin login, UpstreamCalls calls, Duration refreshMargin, Clock clock,
			MeterRegistry meterRegistry) {
		this.login = login;
		this.calls = calls;
		this.refreshMargin = refreshMargin;
		this.clock = clock;
		this.authentications = Counter.builder("stackgate.keystone.authentications")
			.description("Password authentications of the gateway's own identity with Keystone")
			.register(meterRegistry);
	}

	@Override
	public String projectId() {
		return token().getProject().getId();
	}

	@Override
	public Token token() {
		Token current = this.token;
		if (current != null && !isDue(current)) {
			return current;
		}
		if (current != null && isValid(current)) {
			// Due for renewal but still valid: one thread renews, the others go on with
			// it.
			if (!this.renewal.tryLock()) {
				return current;
			}
			try {
				return (this.token == current) ? authenticate() : this.token;
			}
			catch (CloudException ex) {
				logger.warn("Could not renew the gateway's Keystone token, going on with the current one: {}",
						ex.getMessage());
				return current;
			}
			finally {
				this.renewal.unlock();
			}
		}
		return renew(current);
	}

	@Override
	public Token renew(Token rejected) {
		this.renewal.lock();
		try {
			Token current = this.token;
			if (current != null && current != rejected && isValid(current)) {
				return current;
			}
			return authenticate();
		}
		finally {
			this.renewal.unlock();
		}
	}

	/**
	 * @return whether a token is held that is still valid
	 */
	boolean holdsValidToken() {
		Token current = this.token;
		return current != null && isValid(current);
	}

	private Token authenticate() {
		this.authentications.increment();
		OSClientV3 client = this.calls.identity(this.login::authenticate);
		Token fresh = client.getToken();
		logger.info("Authenticated with Keystone as {}; token expires at {}", this.login.describe(),
				fresh.getExpires().toInstant());
		this.token = fresh;
		return fresh;
	}

	/**
	 * A token is due for renewal {@code refreshMargin} before it expires, or half-way
	 * through its life if that comes later: Keystones that issue short-lived tokens must
	 * not cause a login per request.
	 */
	private boolean isDue(Token candidate) {
		Duration margin = this.refreshMargin;
		if (candidate.getIssuedAt() != null) {
			Duration halfLife = Duration.between(candidate.getIssuedAt().toInstant(), expiry(candidate)).dividedBy(2);
			margin = (halfLife.compareTo(margin) < 0) ? halfLife : margin;
		}
		return !expiry(candidate).minus(margin).isAfter(this.clock.instant());
	}

	private boolean isValid(Token candidate) {
		return expiry(candidate).isAfter(this.clock.instant());
	}

	private static Instant expiry(Token candidate) {
		return candidate.getExpires().toInstant();
	}

}
