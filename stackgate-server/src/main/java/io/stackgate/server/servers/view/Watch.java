package io.stackgate.server.servers.view;

/**
 * A watcher's subscription to a view.
 */
public interface Watch {

	/** Stops delivering events, for example when the client went away. */
	void cancel();

}
