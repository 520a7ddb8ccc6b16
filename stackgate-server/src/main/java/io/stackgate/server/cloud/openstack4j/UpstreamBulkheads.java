package io.stackgate.server.cloud.openstack4j;

import java.util.EnumMap;
import java.util.Map;
import java.util.function.Supplier;

import io.github.resilience4j.bulkhead.Bulkhead;
import io.github.resilience4j.bulkhead.BulkheadConfig;
import io.github.resilience4j.bulkhead.BulkheadFullException;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;

import io.stackgate.server.cloud.CloudException;
import io.stackgate.server.cloud.OpenStackService;

/**
 * One resilience4j bulkhead per OpenStack service: at most {@code stackgate.upstream.max-concurrent-calls} calls
 * to each service at a time, so that a stalled Nova holds at most that many request threads and Keystone-only
 * routes and cached answers keep working. A call that finds its service's bulkhead full for
 * {@code stackgate.upstream.bulkhead-max-wait} fails as {@code UNAVAILABLE}, naming the service.
 */
final class UpstreamBulkheads {

	private final Map<OpenStackService, Bulkhead> bulkheads = new EnumMap<>(OpenStackService.class);

	private final Map<OpenStackService, Counter> rejected = new EnumMap<>(OpenStackService.class);

	UpstreamBulkheads(UpstreamProperties properties, MeterRegistry meterRegistry) {
		BulkheadConfig config = BulkheadConfig.custom()
			.maxConcurrentCalls(properties.maxConcurrentCalls())
			.maxWaitDuration(properties.bulkheadMaxWait())
			.build();
		for (OpenStackService service : OpenStackService.values()) {
			Bulkhead bulkhead = Bulkhead.of(service.catalogType(), config);
			this.bulkheads.put(service, bulkhead);
			Gauge.builder("stackgate.upstream.calls.available", bulkhead,
					(b) -> b.getMetrics().getAvailableConcurrentCalls())
				.description("Calls to the service that may still start now (its bulkhead's free places)")
				.tag("service", service.catalogType())
				.register(meterRegistry);
			this.rejected.put(service, Counter.builder("stackgate.upstream.calls.rejected")
				.description("Calls refused because the service's bulkhead was full")
				.tag("service", service.catalogType())
				.register(meterRegistry));
		}
	}

	/** Bulkheads with the default settings, for tests and tools that do not configure them. */
	static UpstreamBulkheads defaults() {
		return new UpstreamBulkheads(UpstreamProperties.defaults(), new SimpleMeterRegistry());
	}

	/**
	 * @param service the service the call goes to
	 * @param call the openstack4j call
	 * @return what the call returned
	 * @throws CloudException when it failed, or could not start because the service's bulkhead is full
	 */
	<T> T call(OpenStackService service, Supplier<T> call) {
		Bulkhead bulkhead = this.bulkheads.get(service);
		try {
			return bulkhead.executeSupplier(() -> Upstream.call(service, call));
		}
		catch (BulkheadFullException ex) {
			this.rejected.get(service).increment();
			throw new CloudException(CloudException.Kind.UNAVAILABLE, service,
					service.projectName() + " is busy: " + bulkhead.getBulkheadConfig().getMaxConcurrentCalls()
							+ " calls to it are already waiting for an answer",
					null, null, ex);
		}
	}

}
