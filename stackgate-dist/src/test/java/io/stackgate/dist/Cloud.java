package io.stackgate.dist;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Optional;

import io.stackgate.cloudconfig.CloudConfig;
import io.stackgate.cloudconfig.CloudConfigLoader;
import io.stackgate.itsupport.RealCloud;
import tools.jackson.databind.json.JsonMapper;

/**
 * The cloud the ITs run against: OS_CLIENT_CONFIG_FILE + OS_CLOUD (eval
 * "$(devcloud/env)"), read by the gateway's own loader, and its clouds.yaml, which the
 * package and the image are configured with. Logged in ({@link RealCloud}), it gives
 * tokens for the gateway and checks what the gateway did.
 *
 * @param cloudsYaml the clouds.yaml
 * @param name the cloud in it
 * @param config that cloud
 */
record Cloud(Path cloudsYaml, String name, CloudConfig config) {

	static final JsonMapper JSON = JsonMapper.builder().build();

	static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();

	/** The cloud of the environment, empty when none is configured. */
	static Optional<Cloud> fromEnvironment() {
		String file = System.getenv("OS_CLIENT_CONFIG_FILE");
		String name = System.getenv("OS_CLOUD");
		if (file == null || name == null || !Files.isReadable(Path.of(file))) {
			return Optional.empty();
		}
		return Optional.of(new Cloud(Path.of(file), name, CloudConfigLoader.forThisProcess().load()));
	}

	/** Another cloud of the same clouds.yaml, for example devcloud-admin. */
	Cloud named(String other) {
		return new Cloud(this.cloudsYaml, other, CloudConfigLoader.forThisProcess().loadCloud(other));
	}

	/**
	 * @return the cloud, logged in as its user
	 */
	RealCloud login() throws IOException, InterruptedException {
		return RealCloud.of(this.config);
	}

	static HttpResponse<String> send(HttpRequest request) {
		try {
			return HTTP.send(request, HttpResponse.BodyHandlers.ofString());
		}
		catch (IOException ex) {
			throw new AssertionError(request.method() + " " + request.uri() + ": " + ex, ex);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new AssertionError(ex);
		}
	}

}
