package io.stackgate.server.servers;

import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.Executor;

import org.springframework.stereotype.Component;
import org.springframework.web.servlet.mvc.method.annotation.SseEmitter;

import io.stackgate.server.cloud.CallContext;
import io.stackgate.server.cloud.CallerSession;
import io.stackgate.server.problem.InvalidRequestException;
import io.stackgate.server.servers.view.LiveViewProperties;
import io.stackgate.server.servers.view.LiveViews;
import io.stackgate.server.servers.view.ServerFilter;
import io.stackgate.server.servers.view.Watch;

/**
 * {@code GET /api/v1/servers?watch=true}: the project's live view as Server-Sent Events. A stream lasts at most
 * {@code stackgate.live.max-watch}, and in {@code keystone} mode never past the caller's token: the client then
 * reconnects (with a new token if need be) and resumes with {@code Last-Event-ID}.
 */
@Component
class ServerWatches {

	private final LiveViews views;

	private final ServerService servers;

	private final Executor executor;

	private final Duration maxWatch;

	ServerWatches(LiveViews views, ServerService servers, Executor applicationTaskExecutor,
			LiveViewProperties properties) {
		this.views = views;
		this.servers = servers;
		this.executor = applicationTaskExecutor;
		this.maxWatch = properties.maxWatch();
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
		emitter.onTimeout(end);
		emitter.onError((ex) -> end.run());
		return emitter;
	}

	/** @return how long the stream may last: never past the caller's token, and never 0, which is no limit */
	private Duration lifetime(CallContext context) {
		if (context.session() instanceof CallerSession caller) {
			Duration left = Duration.between(Instant.now(), caller.expiresAt());
			return (left.compareTo(this.maxWatch) < 0) ? (left.toMillis() < 1 ? Duration.ofMillis(1) : left)
					: this.maxWatch;
		}
		return this.maxWatch;
	}

}
