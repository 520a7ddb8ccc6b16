package io.stackgate.cli.server;

import picocli.CommandLine.Command;

/**
 * {@code stackgate server ...}.
 */
@Command(name = "server", description = "Nova servers (VMs): list, show, create and delete.",
		subcommands = { ServerListCommand.class, ServerShowCommand.class, ServerCreateCommand.class,
				ServerDeleteCommand.class })
public class ServerCommand {

}
