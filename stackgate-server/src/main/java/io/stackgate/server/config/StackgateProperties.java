package io.stackgate.server.config;

import java.time.Duration;

import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * The gateway's own settings, {@code stackgate.*}. Set them in {@code stackgate.yaml} or as environment
 * variables ({@code STACKGATE_LISTEN_PORT=9090}). The cloud itself is configured the OpenStack way, see
 * {@link CloudConfigLoader}.
 *
 * @param listen where the HTTP API listens
 * @param upstream how the gateway calls OpenStack
 * @param cache how long answers from OpenStack are reused
 * @param launch how servers are launched
 */
@ConfigurationProperties("stackgate")
@Validated
public record StackgateProperties(@Valid @DefaultValue Listen listen, @Valid @DefaultValue Upstream upstream,
		@Valid @DefaultValue Cache cache, @Valid @DefaultValue Launch launch) {

	/**
	 * Where the HTTP API listens.
	 *
	 * @param address the address to bind, {@code 0.0.0.0} for every interface
	 * @param port the TCP port, 0 for any free port
	 */
	public record Listen(@NotBlank @DefaultValue("127.0.0.1") String address,
			@Min(0) @Max(65535) @DefaultValue("8080") int port) {
	}

	/**
	 * How the gateway calls Keystone, Nova, Glance and Neutron.
	 *
	 * @param connectTimeout how long to wait for a connection to an OpenStack API
	 * @param readTimeout how long to wait for an OpenStack API to answer; past it the gateway answers 504
	 * @param tokenRefreshMargin how long before its expiry the gateway's own Keystone token is renewed
	 */
	public record Upstream(@NotNull @DefaultValue("5s") Duration connectTimeout,
			@NotNull @DefaultValue("30s") Duration readTimeout,
			@NotNull @DefaultValue("5m") Duration tokenRefreshMargin) {
	}

	/**
	 * How long answers from OpenStack are reused.
	 *
	 * @param launchOptionsTtl how long flavor, image and network lists are served from memory, per project
	 */
	public record Cache(@NotNull @DefaultValue("30s") Duration launchOptionsTtl) {
	}

	/**
	 * How servers are launched and waited for.
	 *
	 * @param maxCount the most servers one request may launch ({@code count})
	 * @param pollInterval how often Nova is asked for the state of servers a client waits for
	 * @param maxWait the longest a client may wait ({@code wait=true&timeout=...})
	 */
	public record Launch(@Min(1) @Max(100) @DefaultValue("10") int maxCount,
			@NotNull @DefaultValue("2s") Duration pollInterval, @NotNull @DefaultValue("10m") Duration maxWait) {
	}

}
