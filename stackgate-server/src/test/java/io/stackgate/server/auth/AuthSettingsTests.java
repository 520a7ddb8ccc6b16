package io.stackgate.server.auth;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import org.springframework.boot.diagnostics.FailureAnalysis;

import io.stackgate.server.web.ListenAddress;
import io.stackgate.server.web.ListenProperties;
import io.stackgate.testing.Settings;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

class AuthSettingsTests {

	@ParameterizedTest(name = "[{index}] {0}")
	@ValueSource(strings = { "0.0.0.0", "192.168.1.10", "::" })
	void modeNoneRefusesToStartOnAnAddressOtherThanLoopback(String address) {
		assertThatExceptionOfType(AuthConfigException.class)
			.isThrownBy(() -> check("stackgate.auth.mode", "none", "stackgate.listen.address", address))
			.withMessageStartingWith("stackgate.auth.mode=none needs a loopback stackgate.listen.address")
			.withMessageContaining("'" + address + "'")
			.satisfies((ex) -> assertThat(ex.getMessage()).doesNotContain("\n"));
	}

	@ParameterizedTest(name = "[{index}] {0}")
	@ValueSource(strings = { "127.0.0.1", "::1", "localhost" })
	void modeNoneStartsOnLoopback(String address) {
		check("stackgate.auth.mode", "none", "stackgate.listen.address", address);
	}

	@Test
	void modeNoneListensOnLoopbackByDefaultAndTheOtherModesOnEveryInterface() {
		check("stackgate.auth.mode", "none");
		assertThat(listenAddress("stackgate.auth.mode", "none").address()).isEqualTo("127.0.0.1");
		assertThat(listenAddress().address()).isEqualTo("0.0.0.0");
		assertThat(Settings.bind(AuthProperties.class).mode()).isEqualTo(AuthProperties.Mode.KEYSTONE);
		assertThat(listenAddress("stackgate.auth.mode", "service").address()).isEqualTo("0.0.0.0");
	}

	@Test
	void modeServiceNeedsAKey() {
		assertThatExceptionOfType(AuthConfigException.class).isThrownBy(() -> check("stackgate.auth.mode", "service"))
			.withMessageContaining("stackgate.auth.api-keys");
	}

	@Test
	void aNetworkThatDoesNotParseStopsTheStart() {
		assertThatExceptionOfType(AuthConfigException.class)
			.isThrownBy(() -> check("stackgate.auth.allowed-networks", "10.0.0.0/33"))
			.withMessage(
					"stackgate.auth.allowed-networks: '10.0.0.0/33': The CIDR [33] is greater than the address length [32]");
		assertThatExceptionOfType(AuthConfigException.class)
			.isThrownBy(() -> check("stackgate.auth.trusted-proxies", "proxy.example.com"))
			.withMessageContaining("is not an IP address or network");
	}

	@Test
	void theStartFailsWithOneLineAndWhatToDo() {
		FailureAnalysis analysis = new AuthConfigFailureAnalyzer()
			.analyze(new IllegalStateException(new AuthConfigException("stackgate.auth.mode=none needs ...")));
		assertThat(analysis.getDescription()).isEqualTo("stackgate.auth.mode=none needs ...");
		assertThat(analysis.getAction()).contains("docs/auth.md");
	}

	private static AuthSettings check(String... keyValues) {
		return AuthSettings.check(Settings.bind(AuthProperties.class, keyValues), listenAddress(keyValues));
	}

	/**
	 * Where the gateway listens with these settings, as the auth configuration works it
	 * out.
	 */
	private static ListenAddress listenAddress(String... keyValues) {
		AuthProperties auth = Settings.bind(AuthProperties.class, keyValues);
		return new AuthConfiguration().listenAddress(Settings.bind(ListenProperties.class, keyValues), auth);
	}

}
