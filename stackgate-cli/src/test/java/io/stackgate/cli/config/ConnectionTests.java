package io.stackgate.cli.config;

import java.net.URI;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;

import org.junit.jupiter.api.Test;

import io.stackgate.cli.client.Credentials;
import io.stackgate.cli.command.CliException;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class ConnectionTests {

	private static final Instant NOW = Instant.parse("2025-06-01T10:00:00Z");

	private static final Optional<StoredLogin> LOGIN = Optional
		.of(new StoredLogin("http://gw:8080/", "stored", Instant.parse("2025-06-01T11:00:00Z"), "demo", "demo"));

	@Test
	void defaultsToLocalhost() {
		Connection connection = Connection.resolve(null, null, Map.of(), Optional.empty(), NOW);
		assertThat(connection.url()).isEqualTo(URI.create("http://127.0.0.1:8080"));
		assertThat(connection.credentials()).isEqualTo(new Credentials.None());
	}

	@Test
	void loginSuppliesUrlAndToken() {
		Connection connection = Connection.resolve(null, null, Map.of(), LOGIN, NOW);
		assertThat(connection.url()).isEqualTo(URI.create("http://gw:8080"));
		assertThat(connection.credentials()).isEqualTo(new Credentials.Token("stored"));
	}

	@Test
	void flagBeatsEnvironmentBeatsLoginForTheUrl() {
		assertThat(Connection.url("http://flag", Map.of("STACKGATE_URL", "http://env"), LOGIN)).hasHost("flag");
		assertThat(Connection.url(null, Map.of("STACKGATE_URL", "http://env"), LOGIN)).hasHost("env");
		assertThat(Connection.url(" ", Map.of("STACKGATE_URL", ""), LOGIN)).hasHost("gw");
	}

	@Test
	void expiredLoginFailsOnlyWhenItWouldBeUsed() {
		Instant later = Instant.parse("2025-06-01T10:59:30Z");
		assertThatThrownBy(() -> Connection.resolve(null, null, Map.of(), LOGIN, later))
			.isInstanceOf(CliException.class)
			.hasMessageContaining("expired");
		assertThat(Connection.resolve(null, "t", Map.of(), LOGIN, later).credentials())
			.isEqualTo(new Credentials.Token("t"));
	}

	@Test
	void credentialsNeverPrintTheirSecret() {
		assertThat(new Credentials.Token("s3cret").toString()).doesNotContain("s3cret");
		assertThat(new Credentials.ApiKey("s3cret").toString()).doesNotContain("s3cret");
		assertThat(LOGIN.get().toString()).doesNotContain("stored");
	}

}
