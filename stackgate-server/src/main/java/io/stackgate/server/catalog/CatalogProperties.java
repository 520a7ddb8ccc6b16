package io.stackgate.server.catalog;

import java.time.Duration;

import jakarta.validation.constraints.NotNull;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * How long answers from OpenStack are reused, {@code stackgate.cache.*}.
 *
 * @param launchOptionsTtl how long flavor, image and network lists are served from
 * memory, per project; a list used after 80% of it is renewed in the background
 * @param launchOptionsStaleWhileRevalidate how long past its TTL a list is still served
 * at once, with an {@code Age} header, while it is fetched again in the background
 * @param launchOptionsStaleIfError how long past its TTL a list is still served, with an
 * {@code Age} header, while the service it comes from is unreachable, times out or
 * answers 5xx; past it the gateway answers 503
 */
@ConfigurationProperties("stackgate.cache")
@Validated
public record CatalogProperties(@NotNull @DefaultValue("30s") Duration launchOptionsTtl,
		@NotNull @DefaultValue("1m") Duration launchOptionsStaleWhileRevalidate,
		@NotNull @DefaultValue("5m") Duration launchOptionsStaleIfError) {
}
