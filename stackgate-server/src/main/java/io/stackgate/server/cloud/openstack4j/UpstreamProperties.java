package io.stackgate.server.cloud.openstack4j;

import java.time.Duration;

import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * How the gateway calls Keystone, Nova, Glance and Neutron, {@code stackgate.upstream.*}.
 *
 * @param connectTimeout how long to wait for a connection to an OpenStack API
 * @param readTimeout how long to wait for an OpenStack API to answer; past it the gateway
 * answers 504
 * @param tokenRefreshMargin how long before its expiry the gateway's own Keystone token
 * is renewed
 * @param maxConcurrentCalls how many calls to one OpenStack service (Keystone, Nova,
 * Glance, Neutron) may run at once; the bulkhead that keeps a stalled service from taking
 * every request thread
 * @param bulkheadMaxWait how long a call waits for a free place when its service already
 * has {@code max-concurrent-calls} calls running; past it the gateway answers 503 naming
 * the service
 * @param circuitOpenWait how long the gateway stops calling a service whose recent calls
 * mostly could not connect or timed out (at least 5 calls, half of the last 10):
 * meanwhile its calls fail at once with a 503 naming it; then three calls try it again,
 * and their answers let every call through. It keeps a service that comes back slowly
 * from being buried under the calls the gateway abandoned at the read timeout
 */
@ConfigurationProperties("stackgate.upstream")
@Validated
public record UpstreamProperties(@NotNull @DefaultValue("5s") Duration connectTimeout,
		@NotNull @DefaultValue("30s") Duration readTimeout, @NotNull @DefaultValue("5m") Duration tokenRefreshMargin,
		@Min(1) @DefaultValue("25") int maxConcurrentCalls, @NotNull @DefaultValue("1s") Duration bulkheadMaxWait,
		@NotNull @DefaultValue("2s") Duration circuitOpenWait) {

	/**
	 * @return the defaults above
	 */
	static UpstreamProperties defaults() {
		return new UpstreamProperties(Duration.ofSeconds(5), Duration.ofSeconds(30), Duration.ofMinutes(5), 25,
				Duration.ofSeconds(1), Duration.ofSeconds(2));
	}

}
