package io.stackgate.server.catalog;

import java.time.Duration;

import jakarta.validation.constraints.NotNull;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * How long answers from OpenStack are reused, {@code stackgate.cache.*}.
 *
 * @param launchOptionsTtl how long flavor, image and network lists are served from memory, per project
 */
@ConfigurationProperties("stackgate.cache")
@Validated
public record CatalogProperties(@NotNull @DefaultValue("30s") Duration launchOptionsTtl) {
}
