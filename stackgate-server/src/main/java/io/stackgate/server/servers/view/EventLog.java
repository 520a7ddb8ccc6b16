package io.stackgate.server.servers.view;

import java.util.ArrayDeque;
import java.util.List;
import java.util.Optional;

/**
 * The most recent changes of a view, for watchers that resume. Not thread-safe: the view
 * guards it.
 */
final class EventLog {

	private final int capacity;

	private final ArrayDeque<ViewEvent> events = new ArrayDeque<>();

	private long last;

	EventLog(int capacity) {
		this.capacity = capacity;
	}

	void append(ViewEvent event) {
		this.last = event.seq();
		if (this.capacity == 0) {
			return;
		}
		if (this.events.size() == this.capacity) {
			this.events.removeFirst();
		}
		this.events.addLast(event);
	}

	/**
	 * @return the sequence number of the last change, 0 before any
	 */
	long last() {
		return this.last;
	}

	/**
	 * @param seq the last change a watcher saw
	 * @return the changes after it, or empty when they are no longer all kept (or
	 * {@code seq} was never issued)
	 */
	Optional<List<ViewEvent>> after(long seq) {
		if (seq > this.last || seq < 0) {
			return Optional.empty();
		}
		long oldestKept = this.events.isEmpty() ? this.last + 1 : this.events.peekFirst().seq();
		if (seq + 1 < oldestKept) {
			return Optional.empty();
		}
		return Optional.of(this.events.stream().filter((event) -> event.seq() > seq).toList());
	}

}
