package io.stackgate.server.catalog;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;

import io.stackgate.server.cloud.CloudClient;
import io.stackgate.testing.Settings;

/**
 * Real {@link LaunchOptionsService}s for unit tests outside this package: the lists are loaded on the calling
 * thread, so that a test sees every call to the cloud before it asserts.
 */
public final class LaunchOptionsServices {

	private LaunchOptionsServices() {
	}

	/**
	 * @param cloud the cloud the lists come from, usually a mock
	 * @return a service with empty caches and the default {@code stackgate.cache.launch-options-ttl}
	 */
	public static LaunchOptionsService of(CloudClient cloud) {
		return new LaunchOptionsService(cloud, Settings.bind(CatalogProperties.class), Runnable::run,
				new SimpleMeterRegistry());
	}

}
