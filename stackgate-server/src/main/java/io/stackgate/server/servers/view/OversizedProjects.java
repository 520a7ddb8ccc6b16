package io.stackgate.server.servers.view;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Projects with more servers than a view holds ({@code stackgate.live.max-servers}):
 * their lists go to Nova for a while ({@code stackgate.live.resync-interval}), then a
 * view is tried again.
 */
final class OversizedProjects {

	private static final Logger log = LoggerFactory.getLogger(OversizedProjects.class);

	private final Map<String, Instant> until = new ConcurrentHashMap<>();

	private final Clock clock;

	private final Duration retryAfter;

	OversizedProjects(Clock clock, Duration retryAfter) {
		this.clock = clock;
		this.retryAfter = retryAfter;
	}

	void add(String projectId, TooManyServersException reason) {
		log.info("{}: its lists go to Nova for {}", reason.getMessage(), this.retryAfter);
		this.until.put(projectId, this.clock.instant().plus(this.retryAfter));
	}

	/**
	 * @return whether the project is still served from Nova; {@code false} once its time
	 * is up
	 */
	boolean contains(String projectId) {
		Instant end = this.until.get(projectId);
		if (end == null) {
			return false;
		}
		if (this.clock.instant().isBefore(end)) {
			return true;
		}
		this.until.remove(projectId, end);
		return false;
	}

}
