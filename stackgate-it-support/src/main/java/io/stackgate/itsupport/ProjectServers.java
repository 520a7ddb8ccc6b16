package io.stackgate.itsupport;

import java.io.IOException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import tools.jackson.databind.JsonNode;

/**
 * The project's servers as Nova has them, called directly: the ones a test named (each
 * test names its servers with a prefix of its own, so that other clients of the project
 * neither pass nor fail it), and servers made and removed without the gateway.
 */
public final class ProjectServers {

	private static final Duration SERVER_TIMEOUT = Duration.ofSeconds(300);

	private final RealCloud cloud;

	ProjectServers(RealCloud cloud) {
		this.cloud = cloud;
	}

	/**
	 * @param namePrefix the start of the server names
	 * @return the ids of the project's servers whose names start with it, as Nova lists
	 * them (deleted servers are not listed)
	 */
	public List<String> ids(String namePrefix) throws IOException, InterruptedException {
		List<String> ids = new ArrayList<>();
		for (JsonNode server : this.cloud.get("compute", "/servers/detail").path("servers")) {
			if (server.path("name").asString().startsWith(namePrefix)) {
				ids.add(server.path("id").asString());
			}
		}
		return ids;
	}

	/**
	 * Asks Nova directly for a server, without waiting for it to be built.
	 * @param name its name, which should start with the test's prefix
	 * @param target what to launch it from
	 * @return its id
	 */
	public String launch(String name, LaunchTarget target) throws IOException, InterruptedException {
		return this.cloud
			.send("compute", "POST", "/servers",
					"""
							{"server": {"name": "%s", "flavorRef": "%s", "imageRef": "%s", "networks": [{"uuid": "%s"}]}}"""
						.formatted(name, target.flavor().id(), target.image().id(), target.network().id()))
			.path("server")
			.path("id")
			.asString();
	}

	/**
	 * Creates a server directly in Nova and waits until it is {@code ACTIVE} with an
	 * address.
	 * @param name its name, which should start with the test's prefix
	 * @param target what to launch it from
	 * @return its id
	 * @throws IllegalStateException when it goes to {@code ERROR} or is not active within
	 * 5 minutes
	 */
	public String create(String name, LaunchTarget target) throws IOException, InterruptedException {
		String id = launch(name, target);
		Instant deadline = Instant.now().plus(SERVER_TIMEOUT);
		while (Instant.now().isBefore(deadline)) {
			JsonNode server = this.cloud.get("compute", "/servers/" + id).path("server");
			String status = server.path("status").asString();
			if (status.equals("ERROR")) {
				throw new IllegalStateException(
						"Server " + name + " (" + id + ") went to ERROR: " + server.path("fault"));
			}
			if (status.equals("ACTIVE") && !server.path("addresses").isEmpty()) {
				return id;
			}
			Thread.sleep(1000);
		}
		throw new IllegalStateException("Server " + name + " (" + id + ") was not ACTIVE within " + SERVER_TIMEOUT);
	}

	/** Deletes a server directly in Nova, for clean-up. */
	public void delete(String id) throws IOException, InterruptedException {
		this.cloud.delete("compute", "/servers/" + id);
	}

	/**
	 * Deletes every server whose name starts with the prefix, for clean-up.
	 * @param namePrefix the start of the names, a test's own
	 */
	public void deleteAll(String namePrefix) throws IOException, InterruptedException {
		for (String id : ids(namePrefix)) {
			delete(id);
		}
	}

}
