package io.stackgate.server.servers;

import java.util.ArrayList;
import java.util.List;
import java.util.function.UnaryOperator;

import org.junit.jupiter.api.Test;

import org.springframework.web.servlet.mvc.method.annotation.SseEmitter;

import io.stackgate.api.ServerDto;
import io.stackgate.api.ServerStatus;
import io.stackgate.server.servers.view.WatchEvent;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@link SseWatchSink}: what a view's refresh may do to a stream whose client does not
 * read.
 */
class SseWatchSinkTests {

	private static final ServerDto SERVER = new ServerDto("s-1", "vm1", ServerStatus.ACTIVE, List.of(), null, null,
			null, null, java.util.Map.of());

	/** Writes that have been scheduled and not run: the client is not reading. */
	private final List<Runnable> writes = new ArrayList<>();

	private final SseWatchSink sink = new SseWatchSink(new SseEmitter(), this.writes::add, UnaryOperator.identity());

	@Test
	void aClientThatFallsTooFarBehindIsRefusedInsteadOfBufferedWithoutEnd() {
		for (int i = 0; i < SseWatchSink.MAX_QUEUED; i++) {
			assertThat(this.sink.offer(event(i))).isTrue();
		}

		assertThat(this.sink.offer(event(SseWatchSink.MAX_QUEUED))).isFalse();
		assertThat(this.writes).as("one write task at a time").hasSize(1);
	}

	@Test
	void aClosedSinkTakesNothingMore() {
		this.sink.close();

		assertThat(this.sink.offer(event(1))).isFalse();
	}

	@Test
	void queuedEventsAreWrittenByOneTaskAndTheQueueEmpties() {
		this.sink.offer(event(1));
		this.sink.offer(event(2));
		this.writes.remove(0).run();

		assertThat(this.writes).isEmpty();
		for (int i = 0; i < SseWatchSink.MAX_QUEUED; i++) {
			assertThat(this.sink.offer(event(i))).isTrue();
		}
	}

	private static WatchEvent event(int seq) {
		return new WatchEvent("e-" + seq, WatchEvent.Type.CHANGED, List.of(SERVER));
	}

}
