package io.stackgate.server.launch;

import java.time.Duration;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;

import io.stackgate.server.cloud.CloudClient;
import io.stackgate.server.config.StackgateProperties;

/**
 * Real {@link LaunchOptionsService}s for unit tests outside this package: the lists are loaded on the calling
 * thread, so that a test sees every call to the cloud before it asserts.
 */
public final class LaunchOptionsServices {

	private LaunchOptionsServices() {
	}

	/**
	 * @param cloud the cloud the lists come from, usually a mock
	 * @param properties the settings; only {@code stackgate.cache.launch-options-ttl} is used
	 * @return a service with empty caches
	 */
	public static LaunchOptionsService of(CloudClient cloud, StackgateProperties properties) {
		return new LaunchOptionsService(cloud, properties, Runnable::run, new SimpleMeterRegistry());
	}

	/** @return the gateway's default settings, with a poll interval of 50 ms */
	public static StackgateProperties properties() {
		return new StackgateProperties(new StackgateProperties.Listen("127.0.0.1", 8080),
				new StackgateProperties.Upstream(Duration.ofSeconds(5), Duration.ofSeconds(30), Duration.ofMinutes(5)),
				new StackgateProperties.Cache(Duration.ofSeconds(30)),
				new StackgateProperties.Launch(10, Duration.ofMillis(50), Duration.ofMinutes(10)));
	}

}
