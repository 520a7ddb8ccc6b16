package io.stackgate.server.servers.view;

import java.time.Duration;

import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * The live server view, {@code stackgate.live.*}.
 *
 * @param enabled whether server lists are served from a live view; when {@code false}
 * every list goes to Nova
 * @param pollInterval how often a view in use asks Nova and Neutron what changed
 * @param changesOverlap how far before the previous poll each {@code changes-since} query
 * starts: covers Nova's one-second resolution and clock skew between the gateway and Nova
 * @param resyncInterval how often a view lists every server again, to bound any drift
 * @param idleAfter how long a view without requests or watchers is kept fresh before it
 * is dropped
 * @param maxStaleness the oldest a view may be and still answer a list; older, lists go
 * to Nova
 * @param staleIfError the oldest a view may be and still answer a list when Nova, asked
 * because the view is older than {@code maxStaleness}, cannot be reached, times out or
 * fails (RFC 5861 stale-if-error); the answer's {@code Age} says how old
 * @param maxServers the most servers one project's view holds; a project with more is
 * served from Nova
 * @param tokenMargin in {@code keystone} mode, a caller's token stops being used for
 * polls this long before it expires; the view then waits for a caller with a new token,
 * so keep it well under {@code maxStaleness}
 * @param replayEvents how many recent changes a view keeps for watchers that resume with
 * {@code Last-Event-ID}
 * @param heartbeatInterval how often a watch stream without changes gets a comment line
 * @param maxWatch the longest one watch stream lasts (and never past the caller's token);
 * the client then resumes with {@code Last-Event-ID}
 */
@ConfigurationProperties("stackgate.live")
@Validated
public record LiveViewProperties(@DefaultValue("true") boolean enabled,
		@NotNull @DefaultValue("1s") Duration pollInterval, @NotNull @DefaultValue("3s") Duration changesOverlap,
		@NotNull @DefaultValue("5m") Duration resyncInterval, @NotNull @DefaultValue("2m") Duration idleAfter,
		@NotNull @DefaultValue("30s") Duration maxStaleness, @NotNull @DefaultValue("5m") Duration staleIfError,
		@Min(1) @DefaultValue("5000") int maxServers, @NotNull @DefaultValue("10s") Duration tokenMargin,
		@Min(0) @DefaultValue("1000") int replayEvents, @NotNull @DefaultValue("15s") Duration heartbeatInterval,
		@NotNull @DefaultValue("1h") Duration maxWatch) {
}
