package io.stackgate.server.auth;

import java.net.InetAddress;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

import org.apache.catalina.util.NetMask;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import io.stackgate.server.auth.AuthProperties.ApiKey;
import io.stackgate.server.auth.AuthProperties.Mode;
import io.stackgate.server.web.ListenAddress;

/**
 * The {@code stackgate.auth.*} settings, checked once at start-up: the gateway refuses to
 * start rather than run unsafely (no authentication on a reachable address, mode
 * {@code service} without keys, a network that does not parse).
 *
 * @param allowedNetworks the client networks allowed, empty for any
 * @param trustedProxies the proxies whose {@code X-Forwarded-For} is believed, empty for
 * none
 */
record AuthSettings(List<NetMask> allowedNetworks, List<NetMask> trustedProxies) {

	private static final Logger log = LoggerFactory.getLogger(AuthSettings.class);

	/**
	 * @param auth the {@code stackgate.auth.*} settings
	 * @param address where the gateway listens
	 * @return the checked auth settings
	 * @throws AuthConfigException when they are unsafe or inconsistent
	 */
	static AuthSettings check(AuthProperties auth, ListenAddress address) {
		if (auth.mode() == Mode.NONE && !address.isLoopback()) {
			throw new AuthConfigException("stackgate.auth.mode=none needs a loopback stackgate.listen.address "
					+ "(127.0.0.1, ::1 or localhost), not '" + address + "': without authentication anyone who "
					+ "reaches the port would use the cloud as the gateway's own identity");
		}
		if (auth.mode() == Mode.SERVICE) {
			checkApiKeys(auth.apiKeys());
		}
		AuthSettings settings = new AuthSettings(networks("allowed-networks", auth.allowedNetworks()),
				networks("trusted-proxies", auth.trustedProxies()));
		describe(auth, address);
		return settings;
	}

	private static void checkApiKeys(List<ApiKey> keys) {
		if (keys.isEmpty()) {
			throw new AuthConfigException("stackgate.auth.mode=service needs at least one stackgate.auth.api-keys "
					+ "entry (name, sha256, role)");
		}
		Set<String> names = new HashSet<>();
		Set<String> hashes = new HashSet<>();
		for (ApiKey key : keys) {
			if (!names.add(key.name())) {
				throw new AuthConfigException("stackgate.auth.api-keys: the name '" + key.name() + "' is used twice");
			}
			if (!hashes.add(key.sha256().toLowerCase(java.util.Locale.ROOT))) {
				throw new AuthConfigException(
						"stackgate.auth.api-keys: the key of '" + key.name() + "' is also another entry's");
			}
		}
	}

	private static List<NetMask> networks(String option, List<String> values) {
		try {
			return values.stream().map(AuthSettings::network).toList();
		}
		catch (IllegalArgumentException ex) {
			throw new AuthConfigException("stackgate.auth." + option + ": " + ex.getMessage());
		}
	}

	/**
	 * Only IP literals, never a host name to look up. A single address is a network of
	 * one, written with its prefix length so that it always reads as a CIDR.
	 */
	private static NetMask network(String value) {
		String cidr = value.strip();
		int slash = cidr.indexOf('/');
		InetAddress address = ClientAddresses.literal((slash < 0) ? cidr : cidr.substring(0, slash));
		if (address == null) {
			throw new IllegalArgumentException("'" + value + "' is not an IP address or network");
		}
		try {
			return new NetMask((slash < 0) ? cidr + "/" + address.getAddress().length * 8 : cidr);
		}
		catch (IllegalArgumentException ex) {
			throw new IllegalArgumentException("'" + value + "': " + ex.getMessage());
		}
	}

	private static void describe(AuthProperties auth, ListenAddress address) {
		switch (auth.mode()) {
			case KEYSTONE -> log.info("Callers authenticate with Keystone tokens (X-Auth-Token), validations "
					+ "reused for {}; listening on {}", auth.tokenCacheTtl(), address);
			case SERVICE -> log.info("Callers authenticate with API keys (X-API-Key): {}; listening on {}",
					auth.apiKeys()
						.stream()
						.map((key) -> key.name() + " (" + key.role().name().toLowerCase() + ")")
						.toList(),
					address);
			case NONE -> log.warn("Authentication is off (stackgate.auth.mode=none): every caller on {} acts as the "
					+ "gateway's own identity", address);
		}
	}

}
