package io.stackgate.server.web;

import java.util.concurrent.Executor;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ThreadFactory;

import org.springframework.core.task.TaskDecorator;
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

	/**
	 * An executor for work that requests wait for (loads from OpenStack): a thread per
	 * task at once, never queued behind other work, idle threads ending after a minute;
	 * each task runs with the request's logging context.
	 * @param prefix the start of the threads' names
	 * @param decorator carries the logging context to the task
	 */
	public static Executor forWaitedWork(String prefix, TaskDecorator decorator) {
		ExecutorService threads = Executors.newCachedThreadPool(named(prefix));
		return (task) -> threads.execute(decorator.decorate(task));
	}

}
