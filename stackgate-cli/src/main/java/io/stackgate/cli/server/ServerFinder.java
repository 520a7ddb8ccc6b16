package io.stackgate.cli.server;

import java.net.URI;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

import io.stackgate.api.ServerDto;
import io.stackgate.cli.client.GatewayClient;
import io.stackgate.cli.client.ProblemException;
import io.stackgate.cli.client.ServerPage;
import io.stackgate.cli.client.ServerQuery;
import io.stackgate.cli.command.CliException;
import io.stackgate.cli.command.ExitCode;

/**
 * Finds a server by id or by exact name, as {@code openstack server show ID|NAME} does.
 * <p>
 * The gateway's {@code name} filter keeps the servers whose name contains the text,
 * ignoring case, so the exact match is made here.
 */
final class ServerFinder {

	private static final Pattern UUID = Pattern
		.compile("[0-9a-fA-F]{8}-?[0-9a-fA-F]{4}-?[0-9a-fA-F]{4}-?[0-9a-fA-F]{4}-?[0-9a-fA-F]{12}");

	private final GatewayClient gateway;

	ServerFinder(GatewayClient gateway) {
		this.gateway = gateway;
	}

	/**
	 * Finds one server.
	 * @param idOrName a server id, or the exact name of exactly one server
	 * @return the server
	 * @throws CliException with {@link ExitCode#NOT_FOUND} when nothing matches, with
	 * {@link ExitCode#CONFLICT} when several servers have the name
	 */
	ServerDto find(String idOrName) {
		if (UUID.matcher(idOrName).matches()) {
			try {
				return this.gateway.getServer(idOrName);
			}
			catch (ProblemException ex) {
				if (ex.kind() != ProblemException.Kind.NOT_FOUND) {
					throw ex;
				}
				// Not an id after all; perhaps a server is named like one.
			}
		}
		List<ServerDto> matches = byName(idOrName);
		if (matches.isEmpty()) {
			throw new CliException(ExitCode.NOT_FOUND, "No server with the name or ID '" + idOrName + "'.");
		}
		if (matches.size() > 1) {
			throw new CliException(ExitCode.CONFLICT, "More than one server is named '" + idOrName + "': "
					+ matches.stream().map(ServerDto::id).collect(Collectors.joining(", ")) + ". Use an ID instead.");
		}
		return matches.get(0);
	}

	private List<ServerDto> byName(String name) {
		List<ServerDto> matches = new ArrayList<>();
		ServerPage page = this.gateway.listServers(new ServerQuery(name, null, null, null));
		Set<URI> seen = new HashSet<>();
		while (true) {
			for (ServerDto server : page.servers()) {
				if (name.equals(server.name())) {
					matches.add(server);
				}
			}
			if (page.next() == null || !seen.add(page.next())) {
				return matches;
			}
			page = this.gateway.listServers(page.next());
		}
	}

}
