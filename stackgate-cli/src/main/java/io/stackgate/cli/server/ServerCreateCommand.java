package io.stackgate.cli.server;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import io.stackgate.api.CreateServerRequest;
import io.stackgate.api.ServerDto;
import io.stackgate.api.ServerStatus;
import io.stackgate.cli.command.CliException;
import io.stackgate.cli.command.ExitCode;
import io.stackgate.cli.command.GatewayCommand;
import io.stackgate.cli.output.OutputOptions;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * {@code stackgate server create NAME --flavor --image --network ...}.
 */
@Command(name = "create", description = { "Launch one or more servers.",
		"Flavor, image and networks are given by ID or name. Every request carries a random Idempotency-Key, so "
				+ "the gateway never launches twice for one command. With --wait, progress goes to stderr and "
				+ "the final state to stdout; a server that ends in ERROR makes the command fail." },
		footerHeading = "%nExamples:%n",
		footer = { "  stackgate server create vm1 --flavor m1.nano --image cirros-fake-raw \\",
				"      --network private", "  stackgate server create web --flavor m1.tiny --image cirros-fake-raw \\",
				"      --network private --count 3 --key-name mykey --security-group default \\",
				"      --user-data cloud-init.yaml --property role=web --wait",
				"  stackgate server create vm1 --flavor m1.nano --image cirros-fake-raw \\",
				"      --network private --wait --timeout 120 -f value -c status" })
class ServerCreateCommand extends GatewayCommand {

	@Parameters(paramLabel = "NAME", description = "The server name; with --count N the servers are NAME-1 ... NAME-N.")
	private String name;

	@Option(names = "--flavor", required = true, paramLabel = "FLAVOR", description = "Flavor ID or name.")
	private String flavor;

	@Option(names = "--image", required = true, paramLabel = "IMAGE", description = "Image ID or name.")
	private String image;

	@Option(names = "--network", required = true, paramLabel = "NETWORK",
			description = "Network ID or name to attach to (repeat for several).")
	private List<String> networks = new ArrayList<>();

	@Option(names = "--key-name", paramLabel = "KEYPAIR", description = "Nova keypair to inject.")
	private String keyName;

	@Option(names = "--security-group", paramLabel = "GROUP",
			description = "Security group name (repeat for several; default: the project's 'default').")
	private List<String> securityGroups = new ArrayList<>();

	@Option(names = "--user-data", paramLabel = "FILE",
			description = "User data file, for example a cloud-init config.")
	private Path userData;

	@Option(names = "--availability-zone", paramLabel = "ZONE", description = "Availability zone.")
	private String availabilityZone;

	@Option(names = "--property", paramLabel = "KEY=VALUE", description = "Server metadata (repeat for several).")
	private Map<String, String> properties = new LinkedHashMap<>();

	@Option(names = "--count", paramLabel = "N", defaultValue = "1", description = "How many servers (default: 1).")
	private int count;

	@Option(names = "--wait", description = "Wait until every server is ACTIVE (or ERROR), showing progress.")
	private boolean wait;

	@Option(names = "--timeout", paramLabel = "SECONDS", defaultValue = "600",
			description = "With --wait: give up after this long (default: ${DEFAULT-VALUE}); exit code 7.")
	private long timeout;

	@Mixin
	private OutputOptions output;

	@Override
	public Integer call() {
		if (this.count < 1) {
			throw usage("--count must be at least 1");
		}
		if (this.timeout < 0) {
			throw usage("--timeout must not be negative");
		}
		CreateServerRequest request = new CreateServerRequest(this.name, this.flavor, this.image, this.networks,
				this.keyName, this.securityGroups.isEmpty() ? null : this.securityGroups, readUserData(),
				this.availabilityZone, this.properties.isEmpty() ? null : this.properties, this.count);
		List<ServerDto> servers = gateway().createServers(request, UUID.randomUUID().toString());
		CliException timedOut = null;
		if (this.wait && !servers.isEmpty()) {
			ServerWaiter.Outcome outcome = new ServerWaiter(gateway(), context()).untilSettled(servers,
					Duration.ofSeconds(this.timeout));
			servers = outcome.servers();
			timedOut = outcome.timeout();
		}
		if (servers.size() == 1) {
			this.output.printOne(out(), ServerColumns.SHOW, servers.get(0));
		}
		else {
			this.output.printList(out(), ServerColumns.LIST, servers);
		}
		if (timedOut != null) {
			throw timedOut;
		}
		failIfAnyInError(servers);
		return ExitCode.OK;
	}

	private String readUserData() {
		if (this.userData == null) {
			return null;
		}
		try {
			return Files.readString(this.userData, StandardCharsets.UTF_8);
		}
		catch (IOException ex) {
			throw usage("Cannot read --user-data " + this.userData + ": " + ex.getClass().getSimpleName()
					+ ((ex.getMessage() != null) ? " " + ex.getMessage() : ""));
		}
	}

	private void failIfAnyInError(List<ServerDto> servers) {
		List<String> failed = new ArrayList<>();
		for (ServerDto server : servers) {
			if (server.status() == ServerStatus.ERROR) {
				failed.add(Progress.label(server.name(), server.id())
						+ ((server.fault() != null) ? ": " + server.fault() : ""));
			}
		}
		if (!failed.isEmpty()) {
			throw new CliException(ExitCode.FAILED, "Server went to ERROR: " + String.join("; ", failed));
		}
	}

}
