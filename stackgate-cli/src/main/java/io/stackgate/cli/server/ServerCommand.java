package io.stackgate.cli.server;

import java.util.List;

import io.stackgate.cli.command.CommandGroup;
import picocli.CommandLine.Command;

/**
 * {@code stackgate server ...}.
 */
@Command(name = "server", description = "Nova servers (VMs): list, show, create and delete.")
public class ServerCommand implements CommandGroup {

	@Override
	public List<Class<?>> subcommands() {
		return List.of(ServerListCommand.class, ServerShowCommand.class, ServerCreateCommand.class,
				ServerDeleteCommand.class);
	}

}
