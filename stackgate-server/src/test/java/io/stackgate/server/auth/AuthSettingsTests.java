package io.stackgate.server.auth;

import java.util.HashMap;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.boot.context.properties.source.MapConfigurationPropertySource;
import org.springframework.boot.diagnostics.FailureAnalysis;

import io.stackgate.server.config.StackgateProperties;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

class AuthSettingsTests {

	@ParameterizedTest(name = "[{index}] {0}")
	@ValueSource(strings = { "0.0.0.0", "192.168.1.10", "::" })
	void modeNoneRefusesToStartOnAnAddressOtherThanLoopback(String address) {
		StackgateProperties properties = properties("stackgate.auth.mode", "none", "stackgate.listen.address",
				address);

		assertThatExceptionOfType(AuthConfigException.class).isThrownBy(() -> AuthSettings.check(properties))
			.withMessageStartingWith("stackgate.auth.mode=none needs a loopback stackgate.listen.address")
			.withMessageContaining("'" + address + "'")
			.satisfies((ex) -> assertThat(ex.getMessage()).doesNotContain("\n"));
	}

	@ParameterizedTest(name = "[{index}] {0}")
	@ValueSource(strings = { "127.0.0.1", "::1", "localhost" })
	void modeNoneStartsOnLoopback(String address) {
		AuthSettings.check(properties("stackgate.auth.mode", "none", "stackgate.listen.address", address));
	}

	@Test
	void modeNoneListensOnLoopbackByDefaultAndTheOtherModesOnEveryInterface() {
		StackgateProperties none = properties("stackgate.auth.mode", "none");
		AuthSettings.check(none);
		assertThat(none.listenAddress()).isEqualTo("127.0.0.1");
		assertThat(properties().listenAddress()).isEqualTo("0.0.0.0");
		assertThat(properties().auth().mode()).isEqualTo(StackgateProperties.Auth.Mode.KEYSTONE);
		assertThat(properties("stackgate.auth.mode", "service").listenAddress()).isEqualTo("0.0.0.0");
	}

	@Test
	void modeServiceNeedsAKey() {
		assertThatExceptionOfType(AuthConfigException.class)
			.isThrownBy(() -> AuthSettings.check(properties("stackgate.auth.mode", "service")))
			.withMessageContaining("stackgate.auth.api-keys");
	}

	@Test
	void aNetworkThatDoesNotParseStopsTheStart() {
		assertThatExceptionOfType(AuthConfigException.class)
			.isThrownBy(() -> AuthSettings.check(properties("stackgate.auth.allowed-networks", "10.0.0.0/33")))
			.withMessage("stackgate.auth.allowed-networks: '10.0.0.0/33' has a prefix length outside 0..32");
		assertThatExceptionOfType(AuthConfigException.class)
			.isThrownBy(() -> AuthSettings.check(properties("stackgate.auth.trusted-proxies", "proxy.example.com")))
			.withMessageContaining("is not an IP address or network");
	}

	@Test
	void theStartFailsWithOneLineAndWhatToDo() {
		FailureAnalysis analysis = new AuthConfigFailureAnalyzer()
			.analyze(new IllegalStateException(new AuthConfigException("stackgate.auth.mode=none needs ...")));
		assertThat(analysis.getDescription()).isEqualTo("stackgate.auth.mode=none needs ...");
		assertThat(analysis.getAction()).contains("docs/auth.md");
	}

	static StackgateProperties properties(String... keyValues) {
		Map<String, String> map = new HashMap<>();
		for (int i = 0; i < keyValues.length; i += 2) {
			map.put(keyValues[i], keyValues[i + 1]);
		}
		return new Binder(new MapConfigurationPropertySource(map)).bindOrCreate("stackgate",
				StackgateProperties.class);
	}

}
