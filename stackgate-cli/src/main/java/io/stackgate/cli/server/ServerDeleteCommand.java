package io.stackgate.cli.server;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import io.stackgate.api.ServerDto;
import io.stackgate.cli.command.CliException;
import io.stackgate.cli.command.ExitCode;
import io.stackgate.cli.command.Failures;
import io.stackgate.cli.command.GatewayCommand;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * {@code stackgate server delete ID|NAME...}.
 */
@Command(name = "delete", description = { "Delete servers, by ID or exact name.",
		"Prints nothing on success, like 'openstack server delete'. A server that cannot be found or deleted "
				+ "is reported and the others are still deleted; the exit code is then that of the first failure." },
		footerHeading = "%nExamples:%n",
		footer = { "  stackgate server delete vm1", "  stackgate server delete vm1 vm2 --wait",
				"  stackgate server list --name test- -f value -c ID \\", "      | xargs stackgate server delete" })
class ServerDeleteCommand extends GatewayCommand {

	@Parameters(paramLabel = "ID|NAME", arity = "1..*", description = "The servers' IDs or exact names.")
	private List<String> servers = new ArrayList<>();

	@Option(names = "--wait", description = "Wait until the servers are gone, showing progress.")
	private boolean wait;

	@Option(names = "--timeout", paramLabel = "SECONDS", defaultValue = "600",
			description = "With --wait: give up after this long (default: ${DEFAULT-VALUE}); exit code 7.")
	private long timeout;

	@Override
	public Integer call() {
		ServerFinder finder = new ServerFinder(gateway());
		List<ServerDto> deleting = new ArrayList<>();
		RuntimeException firstFailure = null;
		int failures = 0;
		for (String idOrName : this.servers) {
			try {
				ServerDto server = finder.find(idOrName);
				gateway().deleteServer(server.id());
				deleting.add(server);
			}
			catch (RuntimeException ex) {
				if (this.servers.size() == 1) {
					throw ex;
				}
				failures++;
				firstFailure = (firstFailure != null) ? firstFailure : ex;
				List<String> lines = Failures.describe(ex);
				err().println("stackgate: cannot delete " + idOrName + ": " + lines.get(0));
				lines.subList(1, lines.size()).forEach(err()::println);
			}
		}
		if (this.wait && !deleting.isEmpty()) {
			new ServerWaiter(gateway(), context()).untilDeleted(deleting, Duration.ofSeconds(this.timeout));
		}
		if (firstFailure != null) {
			throw new CliException(Failures.exitCode(firstFailure),
					failures + " of " + this.servers.size() + " servers could not be deleted.");
		}
		return ExitCode.OK;
	}

}
