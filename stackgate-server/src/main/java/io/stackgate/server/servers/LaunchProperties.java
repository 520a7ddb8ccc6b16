package io.stackgate.server.servers;

import java.time.Duration;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * How servers are launched and waited for, {@code stackgate.launch.*}.
 *
 * @param maxCount the most servers one request may launch ({@code count})
 * @param pollInterval how often Nova is asked for the state of servers a client waits for
 * @param maxWait the longest a client may wait ({@code wait=true&timeout=...})
 */
@ConfigurationProperties("stackgate.launch")
@Validated
public record LaunchProperties(@Min(1) @Max(100) @DefaultValue("10") int maxCount,
		@NotNull @DefaultValue("2s") Duration pollInterval, @NotNull @DefaultValue("10m") Duration maxWait) {
}
