package io.stackgate.server.servers.view;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.ThreadLocalRandom;

import io.stackgate.api.ServerDto;

/**
 * What the lists and the watchers of one view see: the latest {@link Snapshot}, and each
 * change between two snapshots as an event with an id ({@code <epoch>-<sequence>}), kept
 * for watchers that resume.
 */
final class ViewPublisher {

	private final String epoch = Long.toString(ThreadLocalRandom.current().nextLong(1L << 40, 1L << 41), 36);

	private volatile Snapshot snapshot = Snapshot.EMPTY;

	/** Guarded by {@code this}, like {@link #subscriptions}. */
	private final EventLog log;

	private final List<Subscription> subscriptions = new ArrayList<>();

	ViewPublisher(int replayEvents) {
		this.log = new EventLog(replayEvents);
	}

	/**
	 * @return the servers as the last refresh left them
	 */
	Snapshot snapshot() {
		return this.snapshot;
	}

	/**
	 * Starts a watch: the current list, or when {@code lastEventId} is a recent event of
	 * this view, the changes after it; then every change.
	 */
	synchronized Watch subscribe(ServerFilter filter, String lastEventId, WatchSink sink) {
		Subscription subscription = new Subscription(filter, sink);
		Optional<List<ViewEvent>> missed = sequenceOf(lastEventId).flatMap(this.log::after);
		if (missed.isPresent()) {
			missed.get().forEach((event) -> subscription.offer(event, this));
		}
		else {
			subscription.sink.offer(new WatchEvent(eventId(this.log.last()), WatchEvent.Type.LIST,
					this.snapshot.servers().stream().filter(filter::matches).toList()));
		}
		this.subscriptions.add(subscription);
		return () -> unsubscribe(subscription);
	}

	synchronized void heartbeat() {
		this.subscriptions.forEach((subscription) -> subscription.sink.heartbeat());
	}

	/**
	 * @return how many watchers the view has
	 */
	synchronized int watchers() {
		return this.subscriptions.size();
	}

	/** Ends every watch: the view is dropped. */
	synchronized void retire() {
		this.subscriptions.forEach((subscription) -> subscription.sink.close());
		this.subscriptions.clear();
	}

	String eventId(long seq) {
		return this.epoch + "-" + seq;
	}

	private synchronized void unsubscribe(Subscription subscription) {
		this.subscriptions.remove(subscription);
	}

	/**
	 * Publishes a refresh's servers: lists see them at once, watchers get the
	 * differences.
	 */
	synchronized void publish(Snapshot next) {
		Snapshot previous = this.snapshot;
		this.snapshot = next;
		if (previous.asOf() == null) {
			return;
		}
		List<ViewEvent> events = new ArrayList<>();
		long seq = this.log.last();
		for (ServerDto server : next.servers()) {
			ServerDto before = previous.byId().get(server.id());
			if (!server.equals(before)) {
				events.add(new ViewEvent(++seq, before, server));
			}
		}
		for (ServerDto server : previous.servers()) {
			if (!next.byId().containsKey(server.id())) {
				events.add(new ViewEvent(++seq, server, null));
			}
		}
		events.forEach(this.log::append);
		this.subscriptions
			.removeIf((subscription) -> !events.stream().allMatch((event) -> subscription.offer(event, this)));
	}

	private Optional<Long> sequenceOf(String eventId) {
		if (eventId == null || !eventId.startsWith(this.epoch + "-")) {
			return Optional.empty();
		}
		try {
			return Optional.of(Long.parseLong(eventId.substring(this.epoch.length() + 1)));
		}
		catch (NumberFormatException ex) {
			return Optional.empty();
		}
	}

	/** One watcher and what it sees. */
	private static final class Subscription {

		private final ServerFilter filter;

		private final WatchSink sink;

		Subscription(ServerFilter filter, WatchSink sink) {
			this.filter = filter;
			this.sink = sink;
		}

		/**
		 * @return {@code false} when the sink refused the event and was closed
		 */
		boolean offer(ViewEvent event, ViewPublisher publisher) {
			WatchEvent.Type type = event.typeFor(this.filter);
			if (type == null
					|| this.sink.offer(new WatchEvent(publisher.eventId(event.seq()), type, List.of(event.latest())))) {
				return true;
			}
			this.sink.close();
			return false;
		}

	}

}
