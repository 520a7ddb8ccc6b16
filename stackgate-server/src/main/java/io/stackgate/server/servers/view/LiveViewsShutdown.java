package io.stackgate.server.servers.view;

import org.springframework.context.SmartLifecycle;

/**
 * Ends the live views, and with them every watch stream, before the web server's graceful
 * shutdown, which would otherwise wait for the streams until its timeout.
 */
final class LiveViewsShutdown implements SmartLifecycle {

	private final LiveViews views;

	private volatile boolean running;

	LiveViewsShutdown(LiveViews views) {
		this.views = views;
	}

	@Override
	public void start() {
		this.running = true;
	}

	@Override
	public void stop() {
		this.running = false;
		this.views.stop();
	}

	@Override
	public boolean isRunning() {
		return this.running;
	}

	/** Stops first: a higher phase than the web server's graceful shutdown. */
	@Override
	public int getPhase() {
		return Integer.MAX_VALUE;
	}

}
