package io.stackgate.server.concurrent;

import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

import org.springframework.beans.factory.DisposableBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.task.TaskDecorator;

/**
 * The threads of {@link SideCalls}: as many as the calls waited for at once, which the
 * requests that wait for them and each service's bulkhead bound; they carry the logging
 * context of the request they work for.
 */
@Configuration(proxyBeanMethods = false)
class ConcurrencyConfiguration implements DisposableBean {

	private final ExecutorService threads = Executors.newCachedThreadPool(DaemonThreads.named("side-calls-"));

	@Bean
	SideCalls sideCalls(TaskDecorator mdcTaskDecorator) {
		return new SideCalls((task) -> this.threads.execute(mdcTaskDecorator.decorate(task)));
	}

	@Override
	public void destroy() {
		this.threads.shutdownNow();
	}

}
