package io.stackgate.server.concurrent;

import java.util.concurrent.ThreadFactory;

import org.springframework.scheduling.concurrent.CustomizableThreadFactory;

/**
 * Threads of the gateway's own timers and pools, which must never keep the JVM from
 * exiting.
 */
public final class DaemonThreads {

	private DaemonThreads() {
	}

	/**
	 * @param prefix the start of the threads' names, for thread dumps
	 * @return a factory of daemon threads named {@code prefix1}, {@code prefix2}, ...
	 */
	public static ThreadFactory named(String prefix) {
		CustomizableThreadFactory threads = new CustomizableThreadFactory(prefix);
		threads.setDaemon(true);
		return threads;
	}

}
