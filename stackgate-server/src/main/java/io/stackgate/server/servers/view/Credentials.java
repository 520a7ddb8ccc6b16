package io.stackgate.server.servers.view;

import java.time.Duration;
import java.time.Instant;
import java.util.Comparator;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

import io.stackgate.server.cloud.CallerSession;
import io.stackgate.server.cloud.CloudSession;

/**
 * The sessions a view may refresh with: the project's recent callers'. A caller's own
 * Keystone token ({@link CallerSession}) is used only while it is valid for more than the
 * margin, and the one valid longest is preferred; the gateway's own session (modes
 * {@code service} and {@code none}) does not expire.
 */
final class Credentials {

	private final Duration margin;

	/** The latest session of each user (or the gateway's, under one key). */
	private final Map<String, CloudSession> sessions = new ConcurrentHashMap<>();

	Credentials(Duration margin) {
		this.margin = margin;
	}

	void offer(CloudSession session) {
		this.sessions.merge(key(session), session,
				(known, offered) -> (expiry(offered).isAfter(expiry(known))) ? offered : known);
	}

	/**
	 * @return the session to refresh with now, or empty when none may be used
	 */
	Optional<CloudSession> pick(Instant now) {
		Instant usableUntil = now.plus(this.margin);
		this.sessions.values().removeIf((session) -> !expiry(session).isAfter(usableUntil));
		return this.sessions.values().stream().max(Comparator.comparing(Credentials::expiry));
	}

	/**
	 * OpenStack refused the session (revoked, or its user lost the role): it is not used
	 * again.
	 */
	void refused(CloudSession session) {
		this.sessions.remove(key(session), session);
	}

	private static String key(CloudSession session) {
		return (session instanceof CallerSession caller) ? "user:" + caller.userId() : "gateway";
	}

	private static Instant expiry(CloudSession session) {
		return (session instanceof CallerSession caller) ? caller.expiresAt() : Instant.MAX;
	}

}
