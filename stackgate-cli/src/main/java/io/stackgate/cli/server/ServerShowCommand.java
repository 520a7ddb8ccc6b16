package io.stackgate.cli.server;

import io.stackgate.cli.command.ExitCode;
import io.stackgate.cli.command.GatewayCommand;
import io.stackgate.cli.output.OutputOptions;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Parameters;

/**
 * {@code stackgate server show ID|NAME}.
 */
@Command(name = "show", description = "Show one server, by ID or exact name.", footerHeading = "%nExamples:%n",
		footer = { "  stackgate server show vm1", "  stackgate server show 9f3c2a4e-0c8e-4c36-a0a4-6f1f0b3a2e11",
				"  stackgate server show vm1 -c status -f value" })
class ServerShowCommand extends GatewayCommand {

	@Parameters(paramLabel = "ID|NAME", description = "The server's ID, or its exact name.")
	private String server;

	@Mixin
	private OutputOptions output;

	@Override
	public Integer call() {
		this.output.printOne(out(), ServerColumns.SHOW, new ServerFinder(gateway()).find(this.server));
		return ExitCode.OK;
	}

}
