package io.stackgate.server.cloud.openstack4j;

import java.time.Clock;
import java.util.EnumMap;
import java.util.Map;
import java.util.function.Supplier;

import io.github.resilience4j.bulkhead.Bulkhead;
import io.github.resilience4j.bulkhead.BulkheadConfig;
import io.github.resilience4j.bulkhead.BulkheadFullException;
import io.github.resilience4j.circuitbreaker.CallNotPermittedException;
import io.github.resilience4j.circuitbreaker.CircuitBreaker;
import io.github.resilience4j.circuitbreaker.CircuitBreakerConfig;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import io.stackgate.server.cloud.CloudException;
import io.stackgate.server.cloud.OpenStackService;

/**
 * One resilience4j bulkhead and circuit breaker per OpenStack service.
 * <ul>
 * <li>Bulkhead: at most {@code stackgate.upstream.max-concurrent-calls} calls to each
 * service at a time, so that a stalled Nova holds at most that many request threads and
 * Keystone-only routes and cached answers keep working. A call that finds its service's
 * bulkhead full for {@code stackgate.upstream.bulkhead-max-wait} fails as
 * {@code UNAVAILABLE}, naming the service.</li>
 * <li>Circuit breaker: when at least half of the last 10 calls to a service (and 5 or
 * more) could not connect or timed out, calls to it fail at once as {@code UNAVAILABLE}
 * for {@code stackgate.upstream.circuit-open-wait}; then a few calls try it, and the
 * circuit closes when they get answers. A service coming back slowly (Nova's first
 * answers after a start take seconds) is then not buried under calls the gateway would
 * abandon at the read timeout, each of which it would go on working through. Answers,
 * even errors, count as successes.</li>
 * </ul>
 */
final class UpstreamBulkheads {

	/**
	 * Calls let through to a service whose circuit was open, to see whether it is back:
	 * more than one, so that a call that went out while the service was still starting,
	 * and waits for its read timeout, does not hold back every call that would find it
	 * back.
	 */
	private static final int HALF_OPEN_CALLS = 3;

	private static final Logger logger = LoggerFactory.getLogger(UpstreamBulkheads.class);

	private final Map<OpenStackService, Bulkhead> bulkheads = new EnumMap<>(OpenStackService.class);

	private final Map<OpenStackService, CircuitBreaker> breakers = new EnumMap<>(OpenStackService.class);

	private final Map<OpenStackService, Counter> rejected = new EnumMap<>(OpenStackService.class);

	private final Map<OpenStackService, Counter> shortCircuited = new EnumMap<>(OpenStackService.class);

	/**
	 * @param clock the time the circuits stay open by
	 */
	UpstreamBulkheads(UpstreamProperties properties, Clock clock, MeterRegistry meterRegistry) {
		BulkheadConfig config = BulkheadConfig.custom()
			.maxConcurrentCalls(properties.maxConcurrentCalls())
			.maxWaitDuration(properties.bulkheadMaxWait())
			.build();
		CircuitBreakerConfig breakerConfig = CircuitBreakerConfig.custom()
			.slidingWindowType(CircuitBreakerConfig.SlidingWindowType.COUNT_BASED)
			.slidingWindowSize(10)
			.minimumNumberOfCalls(5)
			.failureRateThreshold(50)
			.waitDurationInOpenState(properties.circuitOpenWait())
			.permittedNumberOfCallsInHalfOpenState(HALF_OPEN_CALLS)
			.recordException(UpstreamBulkheads::isOutage)
			.clock(clock)
			.build();
		for (OpenStackService service : OpenStackService.values()) {
			Bulkhead bulkhead = Bulkhead.of(service.catalogType(), config);
			this.bulkheads.put(service, bulkhead);
			CircuitBreaker breaker = CircuitBreaker.of(service.catalogType(), breakerConfig);
			breaker.getEventPublisher()
				.onStateTransition((event) -> changed(service, event.getStateTransition().getToState()));
			this.breakers.put(service, breaker);
			Gauge
				.builder("stackgate.upstream.circuit.open", breaker,
						(b) -> (b.getState() == CircuitBreaker.State.CLOSED) ? 0 : 1)
				.description("1 while the gateway holds back calls to the service after its calls failed")
				.tag("service", service.catalogType())
				.register(meterRegistry);
			this.shortCircuited.put(service, Counter.builder("stackgate.upstream.calls.short-circuited")
				.description("Calls refused at once because the service's recent calls could not connect or timed out")
				.tag("service", service.catalogType())
				.register(meterRegistry));
			Gauge
				.builder("stackgate.upstream.calls.available", bulkhead,
						(b) -> b.getMetrics().getAvailableConcurrentCalls())
				.description("Calls to the service that may still start now (its bulkhead's free places)")
				.tag("service", service.catalogType())
				.register(meterRegistry);
			this.rejected.put(service,
					Counter.builder("stackgate.upstream.calls.rejected")
						.description("Calls refused because the service's bulkhead was full")
						.tag("service", service.catalogType())
						.register(meterRegistry));
		}
	}

	/**
	 * Logs every change of a circuit. A circuit that opens, and again one that lets trial
	 * calls through, also closes the idle kept connections, so that the calls that try
	 * the service again open new ones: a kept one may lead to a process that stopped
	 * answering (a worker of a service being restarted that still holds its connections).
	 */
	private static void changed(OpenStackService service, CircuitBreaker.State state) {
		logger.info("Circuit of {}: {}", service.projectName(), describe(state));
		if (state == CircuitBreaker.State.OPEN || state == CircuitBreaker.State.HALF_OPEN) {
			UpstreamConnections.closeIdle();
		}
	}

	/**
	 * Bulkheads with the default settings, for tests and tools that do not configure
	 * them.
	 */
	static UpstreamBulkheads defaults() {
		return new UpstreamBulkheads(UpstreamProperties.defaults(), Clock.systemUTC(), new SimpleMeterRegistry());
	}

	/**
	 * @param service the service the call goes to
	 * @param call the openstack4j call
	 * @return what the call returned
	 * @throws CloudException when it failed, or could not start because the service's
	 * bulkhead is full
	 */
	<T> T call(OpenStackService service, Supplier<T> call) {
		Bulkhead bulkhead = this.bulkheads.get(service);
		CircuitBreaker breaker = this.breakers.get(service);
		try {
			return breaker.executeSupplier(() -> bulkhead.executeSupplier(() -> Upstream.call(service, call)));
		}
		catch (CallNotPermittedException ex) {
			this.shortCircuited.get(service).increment();
			throw new CloudException(CloudException.Kind.UNAVAILABLE, service, service.projectName()
					+ " could not be reached or did not answer in time lately; the gateway tries " + "it again shortly",
					null, null, ex);
		}
		catch (BulkheadFullException ex) {
			this.rejected.get(service).increment();
			throw new CloudException(CloudException.Kind.UNAVAILABLE, service,
					service.projectName() + " is busy: " + bulkhead.getBulkheadConfig().getMaxConcurrentCalls()
							+ " calls to it are already waiting for an answer",
					null, null, ex);
		}
	}

	private static String describe(CircuitBreaker.State state) {
		return switch (state) {
			case OPEN -> "open: its calls could not connect or timed out lately; they fail at once for a while";
			case HALF_OPEN -> "half-open: a few calls try it again";
			case CLOSED -> "closed: every call goes through";
			default -> state.name();
		};
	}

	/**
	 * Only a service that cannot be reached or does not answer opens its circuit: any
	 * answer, even a 5xx, closes it.
	 */
	private static boolean isOutage(Throwable ex) {
		return ex instanceof CloudException cloud && cloud.upstreamStatus() == null
				&& (cloud.kind() == CloudException.Kind.UNAVAILABLE || cloud.kind() == CloudException.Kind.TIMEOUT);
	}

}
