package io.stackgate.server.servers;

import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.Executor;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.stereotype.Component;
import org.springframework.web.servlet.mvc.method.annotation.SseEmitter;

import io.stackgate.server.auth.AuthProperties;
import io.stackgate.server.cloud.CallContext;
import io.stackgate.server.cloud.CallerSession;
import io.stackgate.server.problem.InvalidRequestException;
import io.stackgate.server.servers.view.LiveViewProperties;
import io.stackgate.server.servers.view.LiveViews;
import io.stackgate.server.servers.view.ServerFilter;
import io.stackgate.server.servers.view.Watch;

/**
 * {@code GET /api/v1/servers?watch=true}: the project's live view as Server-Sent Events.
 * A stream lasts at most {@code stackgate.live.max-watch}, and in {@code keystone} mode
 * never past the caller's token nor past {@code stackgate.auth.token-cache-ttl}, so that
 * a revoked token stops being served as soon as it would on any other route: the client
 * then reconnects (the gateway validating its token again) and resumes with
 * {@code Last-Event-ID}.
 */
@Component
class WatchStreams {

	private final LiveViews views;

	private final ServerService servers;

	private final Executor executor;

	private final Duration maxWatch;

	/**
	 * A caller's watch lasts no longer than its token's validation is reused, so that a
	 * revoked token ends it.
	 */
	private final Duration revalidateEvery;

	WatchStreams(LiveViews views, ServerService servers, Executor applicationTaskExecutor,
			LiveViewProperties properties, ObjectProvider<AuthProperties> auth) {
		this.views = views;
		this.servers = servers;
		this.executor = applicationTaskExecutor;
		this.maxWatch = properties.maxWatch();
		AuthProperties settings = auth.getIfAvailable();
		this.revalidateEvery = (settings != null) ? settings.tokenCacheTtl() : properties.maxWatch();
	}

	/**
	 * @throws InvalidRequestException when the project's servers cannot be watched
	 */
	SseEmitter watch(CallContext context, ServerFilter filter, String lastEventId) {
		SseEmitter emitter = new SseEmitter(lifetime(context).toMillis());
		SseWatchSink sink = new SseWatchSink(emitter, this.executor, this.servers.namer(context));
		Watch watch = this.views.watch(context, filter, lastEventId, sink)
			.orElseThrow(() -> InvalidRequestException.badField("watch",
					"this project's servers cannot be watched: it has more than the gateway keeps live "
							+ "(stackgate.live.max-servers), or live views are disabled; list them instead"));
		Runnable end = () -> {
			sink.ended();
			watch.cancel();
		};
		emitter.onCompletion(end);
		// A stream that reaches its lifetime ends as a stream (200), not as Spring's
		// async timeout (503).
		emitter.onTimeout(() -> {
			end.run();
			emitter.complete();
		});
		emitter.onError((ex) -> end.run());
		return emitter;
	}

	/**
	 * @return how long the stream may last: never past the caller's token nor past the
	 * reuse of the validation it was admitted with
	 * ({@code stackgate.auth.token-cache-ttl} from when Keystone accepted the token, not
	 * from now; a whole TTL for a validation reused past it because Keystone is out), and
	 * never 0, which is no limit
	 */
	private Duration lifetime(CallContext context) {
		if (context.session() instanceof CallerSession caller) {
			Instant now = Instant.now();
			Instant revalidate = caller.validatedAt().plus(this.revalidateEvery);
			Duration validated = revalidate.isAfter(now) ? Duration.between(now, revalidate) : this.revalidateEvery;
			Duration longest = min(this.maxWatch, min(Duration.between(now, caller.expiresAt()), validated));
			return (longest.toMillis() < 1) ? Duration.ofMillis(1) : longest;
		}
		return this.maxWatch;
	}

	private static Duration min(Duration a, Duration b) {
		return (a.compareTo(b) <= 0) ? a : b;
	}

}
