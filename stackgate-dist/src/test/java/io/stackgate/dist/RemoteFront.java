package io.stackgate.dist;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import io.stackgate.cloudconfig.CloudConfig;
import io.stackgate.cloudconfig.DomainRef;

/**
 * The local cloud's remote front ({@code devcloud/remote up}): its services behind TLS
 * with a CA of its own, on devstack's paths, over a relay that adds a round trip; the
 * clouds.yaml entry {@code devcloud-remote} and the files of {@code <state>/remote/}.
 *
 * @param config the {@code devcloud-remote} cloud
 * @param dir the front's directory: its CA, another CA, nginx's access log
 */
record RemoteFront(CloudConfig config, Path dir) {

	/**
	 * @param cloud the local cloud, whose clouds.yaml has the {@code devcloud-remote}
	 * entry
	 * @return its front, which must be up
	 */
	static RemoteFront of(Cloud cloud) {
		CloudConfig remote = cloud.named("devcloud-remote").config();
		Path dir = remote.caCert().getParent();
		Needs.need(Files.isReadable(dir.resolve("access.log")) && listening(remote),
				"the local cloud's remote front is down (devcloud/remote up)");
		return new RemoteFront(remote, dir);
	}

	/** The CA that signed the front's certificate. */
	Path ca() {
		return this.config.caCert();
	}

	/** A CA that has nothing to do with the front. */
	Path otherCa() {
		return this.dir.resolve("other-ca.pem");
	}

	/**
	 * @return the openrc variables of the front's cloud, without {@code OS_CACERT}
	 */
	Map<String, String> osVariables() {
		Map<String, String> env = new HashMap<>();
		env.put("OS_AUTH_URL", this.config.authUrl());
		env.put("OS_USERNAME", this.config.username());
		env.put("OS_PASSWORD", this.config.password());
		env.put("OS_PROJECT_NAME", this.config.projectName());
		env.put("OS_REGION_NAME", this.config.regionName());
		env.put("OS_INTERFACE", this.config.endpointInterface());
		domain(env, "OS_USER_DOMAIN", this.config.userDomain());
		domain(env, "OS_PROJECT_DOMAIN", this.config.projectDomain());
		return env;
	}

	/**
	 * @return the lines nginx logged so far: {@code $msec $connection
	 * $connection_requests $method $uri $status}
	 */
	List<String> accessLog() {
		try {
			return Files.readAllLines(this.dir.resolve("access.log"));
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	private static void domain(Map<String, String> env, String prefix, DomainRef domain) {
		if (domain.id() != null) {
			env.put(prefix + "_ID", domain.id());
		}
		else {
			env.put(prefix + "_NAME", domain.name());
		}
	}

	private static boolean listening(CloudConfig remote) {
		java.net.URI url = java.net.URI.create(remote.authUrl());
		try (Socket socket = new Socket()) {
			socket.connect(new InetSocketAddress(url.getHost(), url.getPort()), 2000);
			return true;
		}
		catch (IOException ex) {
			return false;
		}
	}

}
