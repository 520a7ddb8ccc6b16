package io.stackgate.cli.server;

import java.net.URI;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

import io.stackgate.api.ServerDto;
import io.stackgate.api.ServerStatus;
import io.stackgate.cli.client.ServerPage;
import io.stackgate.cli.client.ServerQuery;
import io.stackgate.cli.command.ExitCode;
import io.stackgate.cli.command.GatewayCommand;
import io.stackgate.cli.output.OutputOptions;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/**
 * {@code stackgate server list}.
 */
@Command(name = "list", description = "List servers, like 'openstack server list'.", footerHeading = "%nExamples:%n",
		footer = { "  stackgate server list", "  stackgate server list --status ERROR -f value -c ID",
				"  stackgate server list --name web --limit 20 --all -f json",
				"  stackgate server list --watch --status BUILD" })
class ServerListCommand extends GatewayCommand {

	@Option(names = "--name", paramLabel = "TEXT",
			description = "Only servers whose name contains this text (literally, ignoring case).")
	private String name;

	@Option(names = "--status", paramLabel = "STATUS",
			description = "Only servers in this status: ACTIVE, BUILD, ERROR, SHUTOFF, ...")
	private ServerStatus status;

	@Option(names = "--limit", paramLabel = "N", description = "At most N servers per request (a page).")
	private Integer limit;

	@Option(names = "--marker", paramLabel = "ID", description = "Start after the server with this ID.")
	private String marker;

	@Option(names = "--all", description = "Follow the pages to the end (with --limit: N per request).")
	private boolean all;

	@Option(names = "--watch", description = "Keep the list on screen, redrawn as servers change (with -f json: one "
			+ "event per line), until interrupted.")
	private boolean watch;

	@Mixin
	private OutputOptions output;

	@Override
	public Integer call() throws InterruptedException {
		if (this.limit != null && this.limit < 1) {
			throw usage("--limit must be at least 1");
		}
		if (this.watch) {
			if (this.limit != null || this.marker != null || this.all) {
				throw usage("--watch shows every matching server: it takes no --limit, --marker or --all");
			}
			new ServerWatch(context(), this.output).run(gateway(), new ServerQuery(this.name, this.status, null, null));
			return ExitCode.OK;
		}
		ServerPage page = gateway().listServers(new ServerQuery(this.name, this.status, this.limit, this.marker));
		List<ServerDto> servers = new ArrayList<>(page.servers());
		Set<URI> seen = new HashSet<>();
		while (this.all && page.next() != null && !page.servers().isEmpty() && seen.add(page.next())) {
			page = gateway().listServers(page.next());
			servers.addAll(page.servers());
		}
		this.output.printList(out(), ServerColumns.LIST, servers);
		if (!this.all && page.next() != null && !servers.isEmpty()) {
			err().println("More servers follow: add --all, or --marker " + servers.get(servers.size() - 1).id()
					+ " for the next page.");
		}
		return ExitCode.OK;
	}

}
