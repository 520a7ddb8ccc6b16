package io.stackgate.server.servers.view;

/**
 * Where a view delivers a watcher's events, for example an SSE stream. Called from the
 * view's poll: every method must return at once, without waiting for the client.
 */
public interface WatchSink {

	/**
	 * @param event the next event, in order
	 * @return {@code false} when the sink cannot take it (closed, or its client too
	 * slow): the view then drops the watcher, which resumes with {@code Last-Event-ID}
	 */
	boolean offer(WatchEvent event);

	/** Keeps an idle stream alive. */
	void heartbeat();

	/**
	 * The view ends the watch; the client may resume with the last event id it received.
	 */
	void close();

}
