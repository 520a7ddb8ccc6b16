package io.stackgate.server.cloud.openstack4j;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import com.github.tomakehurst.wiremock.http.Fault;
import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import io.stackgate.server.cloud.CallContext;
import io.stackgate.server.cloud.CloudException;
import io.stackgate.server.cloud.CloudException.Kind;
import io.stackgate.server.cloud.OpenStackService;
import io.stackgate.testing.MutableClock;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

/**
 * A stalled Nova (a delayed WireMock stub) fills only Nova's bulkhead: the next Nova call
 * is refused at once as unavailable (503), naming Nova, while Glance still answers; the
 * stalled calls end at the read timeout (504). A Glance that cannot be reached opens only
 * its own circuit, for the open wait, which the tests pass by moving the circuits' clock.
 */
class UpstreamBulkheadsTests {

	/**
	 * Longer than the read timeout of the stubs (2 s): the stalled calls end as timeouts.
	 */
	private static final int NOVA_STALL_MILLIS = 6000;

	private static final Duration CIRCUIT_OPEN_WAIT = Duration.ofMillis(500);

	private static final String FLAVORS = "/compute/v2.1/flavors/detail";

	private static final String IMAGES = "/image/v2/images";

	private static final Arrivals arrivals = new Arrivals();

	@RegisterExtension
	static WireMockExtension openstack = WireMockExtension.newInstance()
		.options(wireMockConfig().dynamicPort().extensions(arrivals))
		.build();

	private final SimpleMeterRegistry meterRegistry = new SimpleMeterRegistry();

	private final MutableClock clock = new MutableClock(Instant.parse("2026-12-07T10:00:00Z"));

	private OpenStackStubs stubs;

	private CallContext context;

	private NovaCompute nova;

	private GlanceImages glance;

	@BeforeEach
	void setUp() {
		this.stubs = new OpenStackStubs(openstack);
		this.stubs.keystoneIssuesTokens(Duration.ofHours(1));
		UpstreamProperties properties = new UpstreamProperties(Duration.ofSeconds(2), Duration.ofSeconds(5),
				Duration.ofMinutes(5), 2, Duration.ofMillis(50), CIRCUIT_OPEN_WAIT);
		UpstreamBulkheads bulkheads = new UpstreamBulkheads(properties, this.clock, this.meterRegistry);
		this.context = new CallContext(this.stubs.session(Duration.ofMinutes(5)), "req-bulkhead");
		UpstreamCalls calls = this.stubs.calls(bulkheads);
		this.nova = new NovaCompute(calls);
		this.glance = new GlanceImages(calls);
		openstack.stubFor(
				get(urlPathEqualTo(FLAVORS)).willReturn(okJson("{\"flavors\": []}").withFixedDelay(NOVA_STALL_MILLIS)));
		openstack.stubFor(get(urlPathEqualTo(IMAGES)).willReturn(okJson("{\"images\": []}")));
		arrivals.clear();
	}

	@Test
	void aStalledNovaFillsOnlyItsOwnBulkhead() throws Exception {
		ExecutorService threads = Executors.newFixedThreadPool(2);
		try {
			List<Future<?>> stalled = new ArrayList<>();
			for (int i = 0; i < 2; i++) {
				stalled.add(threads.submit(() -> this.nova.listFlavors(this.context)));
			}
			// In Nova, each holding one of its bulkhead's two places.
			arrivals.await(FLAVORS, 2);
			for (Future<?> call : stalled) {
				assertThat(call).as("stalled in Nova").isNotDone();
			}
			assertThat(gauge(OpenStackService.COMPUTE)).isZero();

			long started = System.nanoTime();
			assertThatExceptionOfType(CloudException.class).isThrownBy(() -> this.nova.listFlavors(this.context))
				.satisfies((ex) -> {
					assertThat(ex.kind()).isEqualTo(Kind.UNAVAILABLE);
					assertThat(ex.service()).isEqualTo(OpenStackService.COMPUTE);
					assertThat(ex.getMessage()).startsWith("Nova is busy");
				});
			assertThat(this.glance.listImages(this.context)).isEmpty();
			assertThat(Duration.ofNanos(System.nanoTime() - started)).isLessThan(Duration.ofMillis(NOVA_STALL_MILLIS));

			assertThat(this.meterRegistry.get("stackgate.upstream.calls.rejected")
				.tag("service", "compute")
				.counter()
				.count()).isEqualTo(1);
			assertThat(this.meterRegistry.get("stackgate.upstream.calls.rejected")
				.tag("service", "image")
				.counter()
				.count()).isZero();
			for (Future<?> call : stalled) {
				assertThatExceptionOfType(ExecutionException.class).isThrownBy(call::get)
					.havingCause()
					.isInstanceOfSatisfying(CloudException.class,
							(ex) -> assertThat(ex.kind()).isEqualTo(Kind.TIMEOUT));
			}
			assertThat(gauge(OpenStackService.COMPUTE)).isEqualTo(2);
		}
		finally {
			threads.shutdownNow();
		}
	}

	@Test
	void aGlanceWhoseConnectionsBreakIsHeldBackForTheOpenWaitThenTriedByAFewCallsAndLetThroughWhenTheyAnswer()
			throws Exception {
		breakGlancesConnections();
		assertThatExceptionOfType(CloudException.class).isThrownBy(() -> this.glance.listImages(this.context))
			.satisfies((ex) -> {
				assertThat(ex.kind()).isEqualTo(Kind.UNAVAILABLE);
				assertThat(ex.service()).isEqualTo(OpenStackService.IMAGE);
				assertThat(ex.getMessage()).startsWith("Glance could not be reached or did not answer in time lately");
			});
		openstack.verify(5, getRequestedFor(urlPathEqualTo(IMAGES)));
		assertThat(this.meterRegistry.get("stackgate.upstream.circuit.open").tag("service", "image").gauge().value())
			.isEqualTo(1);
		openstack.stubFor(get(urlPathEqualTo(FLAVORS)).willReturn(okJson("{\"flavors\": []}")));
		assertThat(this.nova.listFlavors(this.context)).as("Nova's circuit is its own").isEmpty();

		openstack.stubFor(get(urlPathEqualTo(IMAGES)).willReturn(okJson("{\"images\": []}")));
		this.clock.advance(CIRCUIT_OPEN_WAIT.plusMillis(100));
		for (int i = 0; i < 3; i++) {
			assertThat(this.glance.listImages(this.context)).isEmpty();
		}
		assertThat(this.meterRegistry.get("stackgate.upstream.circuit.open").tag("service", "image").gauge().value())
			.isZero();
		assertThat(this.meterRegistry.get("stackgate.upstream.calls.short-circuited")
			.tag("service", "image")
			.counter()
			.count()).isEqualTo(1);
	}

	@Test
	void aTrialCallThatHangsDoesNotHoldBackTheCallsThatFindTheServiceBack() throws Exception {
		breakGlancesConnections();
		openstack.stubFor(
				get(urlPathEqualTo(IMAGES)).willReturn(okJson("{\"images\": []}").withFixedDelay(NOVA_STALL_MILLIS)));
		this.clock.advance(CIRCUIT_OPEN_WAIT.plusMillis(100));
		arrivals.clear();
		ExecutorService threads = Executors.newSingleThreadExecutor();
		try {
			Future<?> hanging = threads.submit(() -> this.glance.listImages(this.context));
			// The trial call has reached Glance, which holds it.
			arrivals.await(IMAGES, 1);
			openstack.stubFor(get(urlPathEqualTo(IMAGES)).willReturn(okJson("{\"images\": []}")));

			for (int i = 0; i < 2; i++) {
				assertThat(this.glance.listImages(this.context)).as("a trial call that finds Glance back").isEmpty();
			}
			assertThat(hanging).as("the first trial call, still waiting for Glance").isNotDone();
		}
		finally {
			threads.shutdownNow();
		}
	}

	private void breakGlancesConnections() {
		openstack
			.stubFor(get(urlPathEqualTo(IMAGES)).willReturn(aResponse().withFault(Fault.CONNECTION_RESET_BY_PEER)));
		for (int i = 0; i < 5; i++) {
			assertThatExceptionOfType(CloudException.class).isThrownBy(() -> this.glance.listImages(this.context))
				.satisfies(
						(ex) -> assertThat(ex.getMessage()).isEqualTo("Glance closed the connection before answering"));
		}
	}

	private double gauge(OpenStackService service) {
		return this.meterRegistry.get("stackgate.upstream.calls.available")
			.tag("service", service.catalogType())
			.gauge()
			.value();
	}

}
