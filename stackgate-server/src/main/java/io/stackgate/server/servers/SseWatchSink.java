package io.stackgate.server.servers;

import java.io.IOException;
import java.util.Queue;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.Executor;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.UnaryOperator;

import org.springframework.web.servlet.mvc.method.annotation.SseEmitter;

import io.stackgate.api.ServerDto;
import io.stackgate.server.servers.view.WatchEvent;
import io.stackgate.server.servers.view.WatchSink;

/**
 * A watch as Server-Sent Events. The view's poll only queues events; they are written by
 * one task at a time on the shared executor, so a slow client holds neither the poll nor
 * a thread of its own. A client that falls {@value #MAX_QUEUED} events behind is
 * disconnected, and resumes with {@code Last-Event-ID}.
 */
final class SseWatchSink implements WatchSink {

	static final int MAX_QUEUED = 1000;

	private final SseEmitter emitter;

	private final Executor executor;

	private final UnaryOperator<ServerDto> names;

	private final Queue<SseEmitter.SseEventBuilder> queue = new ConcurrentLinkedQueue<>();

	private final AtomicInteger queued = new AtomicInteger();

	private final AtomicBoolean writing = new AtomicBoolean();

	private final AtomicBoolean completed = new AtomicBoolean();

	private volatile boolean closed;

	SseWatchSink(SseEmitter emitter, Executor executor, UnaryOperator<ServerDto> names) {
		this.emitter = emitter;
		this.executor = executor;
		this.names = names;
	}

	@Override
	public boolean offer(WatchEvent event) {
		if (this.closed || this.queued.get() >= MAX_QUEUED) {
			return false;
		}
		Object data = (event.type() == WatchEvent.Type.LIST) ? event.servers().stream().map(this.names).toList()
				: this.names.apply(event.servers().get(0));
		enqueue(SseEmitter.event().id(event.id()).name(event.type().wireName()).data(data));
		return true;
	}

	@Override
	public void heartbeat() {
		if (!this.closed) {
			enqueue(SseEmitter.event().comment("heartbeat"));
		}
	}

	@Override
	public void close() {
		this.closed = true;
		write();
	}

	/** The client went away or the stream timed out: nothing more is written. */
	void ended() {
		this.closed = true;
		this.completed.set(true);
		this.queue.clear();
	}

	private void enqueue(SseEmitter.SseEventBuilder event) {
		this.queued.incrementAndGet();
		this.queue.add(event);
		write();
	}

	private void write() {
		if (!this.writing.compareAndSet(false, true)) {
			return;
		}
		this.executor.execute(() -> {
			try {
				for (SseEmitter.SseEventBuilder event = this.queue.poll(); event != null; event = this.queue.poll()) {
					this.queued.decrementAndGet();
					if (!this.completed.get()) {
						this.emitter.send(event);
					}
				}
				if (this.closed && this.completed.compareAndSet(false, true)) {
					this.emitter.complete();
				}
			}
			catch (IOException | IllegalStateException ex) {
				// The client went away; the emitter's callbacks cancel the watch.
				ended();
			}
			finally {
				this.writing.set(false);
			}
			if (!this.queue.isEmpty() || (this.closed && !this.completed.get())) {
				write();
			}
		});
	}

}
