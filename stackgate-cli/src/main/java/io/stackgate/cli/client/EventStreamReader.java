package io.stackgate.cli.client;

import java.util.function.Consumer;

/**
 * Reads the lines of a {@code text/event-stream} (the HTML Living Standard's Server-Sent
 * Events format) into events: {@code id}, {@code event} and {@code data} fields,
 * dispatched at each blank line; comments (the gateway's heartbeats) and unknown fields
 * are ignored.
 */
final class EventStreamReader implements Consumer<String> {

	/**
	 * One event as it came.
	 *
	 * @param id the last event id seen, or {@code null}
	 * @param name the event name, {@code message} when the event had none
	 * @param data its data lines, joined with line feeds
	 */
	record Event(String id, String name, String data) {
	}

	private final Consumer<Event> events;

	private String lastId;

	private String name;

	private StringBuilder data;

	EventStreamReader(Consumer<Event> events) {
		this.events = events;
	}

	@Override
	public void accept(String line) {
		if (line.isEmpty()) {
			dispatch();
			return;
		}
		if (line.startsWith(":")) {
			return;
		}
		int colon = line.indexOf(':');
		String field = (colon < 0) ? line : line.substring(0, colon);
		String value = (colon < 0) ? "" : line.substring(colon + 1);
		if (value.startsWith(" ")) {
			value = value.substring(1);
		}
		switch (field) {
			case "id" -> this.lastId = value;
			case "event" -> this.name = value;
			case "data" ->
				this.data = (this.data == null) ? new StringBuilder(value) : this.data.append('\n').append(value);
			default -> {
				// retry and unknown fields: nothing to do for a client that reconnects by
				// itself.
			}
		}
	}

	private void dispatch() {
		if (this.data != null) {
			this.events
				.accept(new Event(this.lastId, (this.name != null) ? this.name : "message", this.data.toString()));
		}
		this.name = null;
		this.data = null;
	}

}
