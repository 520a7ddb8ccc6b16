package io.stackgate.server.servers.view;

import java.time.Duration;
import java.util.function.Supplier;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;

/**
 * The live views' metrics: {@code stackgate.live.views} and
 * {@code stackgate.live.watchers} (gauges), {@code stackgate.live.refresh} (a timer
 * tagged {@code kind=changes|resync|failed}), {@code stackgate.live.lists} (lists served
 * from a view: each one a Nova list saved) and {@code stackgate.live.fallbacks} (lists
 * sent to Nova, tagged with the {@code reason}).
 */
final class ViewMetrics {

	private final MeterRegistry registry;

	private final Counter served;

	ViewMetrics(MeterRegistry registry, Supplier<Number> views, Supplier<Number> watchers) {
		this.registry = registry;
		Gauge.builder("stackgate.live.views", views).description("Projects with a live server view").register(registry);
		Gauge.builder("stackgate.live.watchers", watchers).description("Open watch streams").register(registry);
		this.served = Counter.builder("stackgate.live.lists")
			.description("Server lists answered from a live view, each a Nova list saved")
			.register(registry);
	}

	/**
	 * @param kind {@code changes}, {@code resync} or {@code failed}
	 */
	void refreshed(String kind, Duration took) {
		Timer.builder("stackgate.live.refresh")
			.description("Refreshes of live views: a changes-since poll or a full resync, with the Neutron lists")
			.tag("kind", kind)
			.register(this.registry)
			.record(took);
	}

	void served() {
		this.served.increment();
	}

	void fellBack(String reason) {
		Counter.builder("stackgate.live.fallbacks")
			.description("Server lists sent to Nova instead of a live view")
			.tag("reason", reason)
			.register(this.registry)
			.increment();
	}

}
