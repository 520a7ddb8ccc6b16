package io.stackgate.server.catalog;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;

import io.stackgate.server.cloud.ComputeClient;
import io.stackgate.server.cloud.ImageClient;
import io.stackgate.server.cloud.NetworkClient;
import io.stackgate.server.concurrent.SideCalls;
import io.stackgate.testing.Settings;

/**
 * Real {@link LaunchOptionsService}s for unit tests outside this package: the lists are
 * loaded on the calling thread, so that a test sees every call to the cloud before it
 * asserts.
 */
public final class LaunchOptionsServices {

	private LaunchOptionsServices() {
	}

	/**
	 * The clients the lists come from are usually mocks.
	 * @return a service with empty caches and the default
	 * {@code stackgate.cache.launch-options-ttl}
	 */
	public static LaunchOptionsService of(ComputeClient compute, ImageClient images, NetworkClient networks) {
		return new LaunchOptionsService(compute, images, networks, Settings.bind(CatalogProperties.class),
				Runnable::run, new SideCalls(Runnable::run), new SimpleMeterRegistry());
	}

}
