package io.stackgate.cli.server;

import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.Map;

import io.stackgate.api.ServerDto;
import io.stackgate.cli.client.GatewayClient;
import io.stackgate.cli.client.GatewayException;
import io.stackgate.cli.client.GatewayUnreachableException;
import io.stackgate.cli.client.ProblemException;
import io.stackgate.cli.client.ServerEvent;
import io.stackgate.cli.client.ServerQuery;
import io.stackgate.cli.command.CliContext;
import io.stackgate.cli.json.Json;
import io.stackgate.cli.output.OutputFormat;
import io.stackgate.cli.output.OutputOptions;

/**
 * {@code stackgate server list --watch}: follows the gateway's watch stream, redrawing
 * the table at each event (with {@code -f json}: one event per line). When the stream
 * ends or is lost, it resumes after the last event it saw ({@code Last-Event-ID}); it
 * gives up after {@value #MAX_FAILURES} attempts in a row that brought no event, and at
 * once on a client error (401, 403, 400).
 */
final class ServerWatch {

	/** Three times the gateway's heartbeat interval, with room to spare. */
	static final Duration IDLE = Duration.ofSeconds(60);

	static final int MAX_FAILURES = 3;

	private static final Duration RESUME_AFTER = Duration.ofSeconds(1);

	private static final String CLEAR_SCREEN = "\033[H\033[2J";

	private final CliContext context;

	private final OutputOptions output;

	private final Map<String, ServerDto> servers = new LinkedHashMap<>();

	private String lastEventId;

	private boolean progressed;

	ServerWatch(CliContext context, OutputOptions output) {
		this.context = context;
		this.output = output;
	}

	/**
	 * Watches until interrupted or until the watch cannot be resumed.
	 * @throws GatewayException the failure that made it give up
	 */
	void run(GatewayClient gateway, ServerQuery query) throws InterruptedException {
		int failures = 0;
		while (true) {
			this.progressed = false;
			GatewayException failure = null;
			try {
				gateway.watchServers(query, this.lastEventId, IDLE, this::show);
			}
			catch (GatewayUnreachableException ex) {
				failure = ex;
			}
			catch (ProblemException ex) {
				if (ex.kind() != ProblemException.Kind.UPSTREAM) {
					throw ex;
				}
				failure = ex;
			}
			failures = this.progressed ? 0 : failures + 1;
			if (failures >= MAX_FAILURES && failure != null) {
				throw failure;
			}
			this.context.err()
				.println((failure != null) ? "The watch was interrupted (" + failure.getMessage() + "); resuming."
						: "The gateway ended the watch; resuming.");
			this.context.err().flush();
			this.context.sleeper().sleep(RESUME_AFTER);
		}
	}

	private void show(ServerEvent event) {
		this.progressed = true;
		this.lastEventId = event.id();
		if (ServerEvent.LIST.equals(event.type())) {
			this.servers.clear();
		}
		for (ServerDto server : event.servers()) {
			if (ServerEvent.DELETED.equals(event.type())) {
				this.servers.remove(server.id());
			}
			else {
				this.servers.put(server.id(), server);
			}
		}
		if (this.output.format() == OutputFormat.JSON) {
			this.context.out().println(Json.write(line(event)));
		}
		else {
			if (this.context.terminal()) {
				this.context.out().print(CLEAR_SCREEN);
			}
			this.output.printList(this.context.out(), ServerColumns.LIST, new ArrayList<>(this.servers.values()));
			this.context.out().println();
		}
		this.context.out().flush();
	}

	private static Map<String, Object> line(ServerEvent event) {
		Map<String, Object> line = new LinkedHashMap<>();
		line.put("event", event.type());
		line.put("id", event.id());
		if (ServerEvent.LIST.equals(event.type())) {
			line.put("servers", event.servers());
		}
		else {
			line.put("server", event.servers().get(0));
		}
		return line;
	}

}
