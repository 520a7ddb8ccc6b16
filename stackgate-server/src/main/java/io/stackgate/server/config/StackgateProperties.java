package io.stackgate.server.config;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.time.Duration;
import java.util.List;

import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * The gateway's own settings, {@code stackgate.*}. Set them in {@code stackgate.yaml} or as environment
 * variables ({@code STACKGATE_LISTEN_PORT=9090}). The cloud itself is configured the OpenStack way, see
 * {@link io.stackgate.cloudconfig.CloudConfigLoader}.
 *
 * @param listen where the HTTP API listens
 * @param upstream how the gateway calls OpenStack
 * @param cache how long answers from OpenStack are reused
 * @param launch how servers are launched
 * @param auth who may call the gateway, and as whom it calls OpenStack
 */
@ConfigurationProperties("stackgate")
@Validated
public record StackgateProperties(@Valid @DefaultValue Listen listen, @Valid @DefaultValue Upstream upstream,
		@Valid @DefaultValue Cache cache, @Valid @DefaultValue Launch launch, @Valid @DefaultValue Auth auth) {

	/** The address bound when {@code stackgate.auth.mode} is {@code none} and no address is set. */
	public static final String LOOPBACK = "127.0.0.1";

	/** The address bound when callers authenticate and no address is set: every interface. */
	public static final String EVERY_INTERFACE = "0.0.0.0";

	/**
	 * @return the address to bind: {@code stackgate.listen.address} when set; otherwise every interface when
	 * callers authenticate, loopback when they do not
	 */
	public String listenAddress() {
		if (this.listen.address() != null && !this.listen.address().isBlank()) {
			return this.listen.address();
		}
		return (this.auth.mode() == Auth.Mode.NONE) ? LOOPBACK : EVERY_INTERFACE;
	}

	/**
	 * @param address an address or host name
	 * @return whether it is a loopback address ({@code 127.0.0.0/8}, {@code ::1}, {@code localhost})
	 */
	public static boolean isLoopback(String address) {
		try {
			return InetAddress.getByName(address).isLoopbackAddress();
		}
		catch (UnknownHostException ex) {
			return false;
		}
	}

	/**
	 * Where the HTTP API listens.
	 *
	 * @param address the address to bind, {@code 0.0.0.0} for every interface; when unset, {@code 0.0.0.0} in
	 * the {@code keystone} and {@code service} auth modes and {@code 127.0.0.1} in mode {@code none}
	 * @param port the TCP port, 0 for any free port
	 */
	public record Listen(String address, @Min(0) @Max(65535) @DefaultValue("8080") int port) {
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

	/**
	 * Who may call the gateway, and as whom it calls OpenStack.
	 *
	 * @param mode how callers authenticate: {@code keystone} (a Keystone token in {@code X-Auth-Token}; the
	 * gateway calls OpenStack with it, as that user in that project), {@code service} (an API key in
	 * {@code X-API-Key}; the gateway calls OpenStack as its own identity) or {@code none} (no authentication;
	 * only on a loopback address)
	 * @param tokenCacheTtl how long a Keystone token validation is reused (never past the token's expiry); a
	 * revoked token is refused at the latest this long after its revocation
	 * @param tokenCacheSize the most token validations kept
	 * @param apiKeys the API keys of mode {@code service}
	 * @param allowedNetworks the client networks (CIDRs or addresses) allowed to call anything but the health
	 * probes; empty for any
	 * @param trustedProxies the proxies (CIDRs or addresses) whose {@code X-Forwarded-For} names the client;
	 * the header of any other peer is ignored
	 * @param rateLimit how many requests each caller may make
	 */
	public record Auth(@NotNull @DefaultValue("keystone") Mode mode,
			@NotNull @DefaultValue("60s") Duration tokenCacheTtl,
			@Min(1) @DefaultValue("10000") int tokenCacheSize, @Valid @DefaultValue List<ApiKey> apiKeys,
			@DefaultValue List<@NotBlank String> allowedNetworks, @DefaultValue List<@NotBlank String> trustedProxies,
			@Valid @DefaultValue RateLimit rateLimit) {

		/** How callers authenticate. */
		public enum Mode {

			/** A Keystone token in {@code X-Auth-Token}; OpenStack is called with it. */
			KEYSTONE,

			/** An API key in {@code X-API-Key}; OpenStack is called as the gateway's own identity. */
			SERVICE,

			/** No authentication: only for a gateway on a loopback address. */
			NONE

		}

		/**
		 * An API key of mode {@code service}. The key itself is never configured: only its SHA-256, made with
		 * {@code printf %s "$KEY" | sha256sum}.
		 *
		 * @param name who holds the key; appears in logs and metrics
		 * @param sha256 the SHA-256 of the key, 64 hexadecimal digits
		 * @param role what the key may do
		 */
		public record ApiKey(@NotBlank @Pattern(regexp = "[A-Za-z0-9._-]{1,64}") String name,
				@NotBlank @Pattern(regexp = "[0-9a-fA-F]{64}", message = "must be 64 hexadecimal digits") String sha256,
				@NotNull Role role) {

		}

		/** What an API key may do. */
		public enum Role {

			/** Only read: {@code GET} and {@code HEAD}. */
			READER,

			/** Read, create and delete. */
			OPERATOR

		}

		/**
		 * Per-caller token buckets: a caller may make up to {@code requests} requests at once, and gets them back
		 * at that rate per {@code per}; server creates ({@code POST /api/v1/servers}) and logins
		 * ({@code POST /api/v1/auth/tokens}) also take from a smaller bucket of {@code creates}. A caller is an API
		 * key, a Keystone user, or, before it authenticated, a client address.
		 *
		 * @param requests requests per {@code per}, on every route; 0 for no limit
		 * @param creates creates and logins per {@code per}; 0 for no limit
		 * @param per the time in which an empty bucket fills up again
		 */
		public record RateLimit(@Min(0) @DefaultValue("600") int requests, @Min(0) @DefaultValue("30") int creates,
				@NotNull @DefaultValue("1m") Duration per) {

		}

	}

}
