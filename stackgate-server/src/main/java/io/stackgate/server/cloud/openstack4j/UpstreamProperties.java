package io.stackgate.server.cloud.openstack4j;

import java.time.Duration;

import jakarta.validation.constraints.NotNull;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * How the gateway calls Keystone, Nova, Glance and Neutron, {@code stackgate.upstream.*}.
 *
 * @param connectTimeout how long to wait for a connection to an OpenStack API
 * @param readTimeout how long to wait for an OpenStack API to answer; past it the gateway answers 504
 * @param tokenRefreshMargin how long before its expiry the gateway's own Keystone token is renewed
 */
@ConfigurationProperties("stackgate.upstream")
@Validated
public record UpstreamProperties(@NotNull @DefaultValue("5s") Duration connectTimeout,
		@NotNull @DefaultValue("30s") Duration readTimeout,
		@NotNull @DefaultValue("5m") Duration tokenRefreshMargin) {
}
