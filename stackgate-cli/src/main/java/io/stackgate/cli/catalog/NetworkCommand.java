package io.stackgate.cli.catalog;

import java.util.List;

import io.stackgate.api.NetworkDto;
import io.stackgate.api.SubnetDto;
import io.stackgate.cli.command.CommandGroup;
import io.stackgate.cli.command.ExitCode;
import io.stackgate.cli.command.GatewayCommand;
import io.stackgate.cli.output.Column;
import io.stackgate.cli.output.OutputOptions;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;

/**
 * {@code stackgate network ...}.
 */
@Command(name = "network", description = "Neutron networks: what a server can be attached to.")
public class NetworkCommand implements CommandGroup {

	@Override
	public List<Class<?>> subcommands() {
		return List.of(ListCommand.class);
	}

	static final List<Column<NetworkDto>> COLUMNS = List.of(Column.of("ID", NetworkDto::id),
			Column.of("Name", NetworkDto::name), Column.of("Subnets", NetworkCommand::subnetIds),
			Column.of("CIDRs", NetworkCommand::cidrs), Column.of("Status", NetworkDto::status),
			Column.of("Shared", NetworkDto::shared), Column.of("External", NetworkDto::external));

	private static Object subnetIds(NetworkDto network) {
		return (network.subnets() != null) ? network.subnets().stream().map(SubnetDto::id).toList() : List.of();
	}

	private static Object cidrs(NetworkDto network) {
		return (network.subnets() != null) ? network.subnets().stream().map(SubnetDto::cidr).toList() : List.of();
	}

	@Command(name = "list", description = "List the networks the project may attach servers to.",
			footerHeading = "%nExamples:%n",
			footer = { "  stackgate network list", "  stackgate network list -c Name -c CIDRs" })
	static class ListCommand extends GatewayCommand {

		@Mixin
		private OutputOptions output;

		@Override
		public Integer call() {
			this.output.printList(out(), COLUMNS, gateway().listNetworks());
			return ExitCode.OK;
		}

	}

}
