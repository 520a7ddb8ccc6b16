package io.stackgate.server.catalog;

import java.util.Map;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;

import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.boot.context.properties.source.MapConfigurationPropertySource;

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
		return new Binder(new MapConfigurationPropertySource(Map.of("stackgate.launch.poll-interval", "50ms")))
			.bindOrCreate("stackgate", StackgateProperties.class);
	}

}
