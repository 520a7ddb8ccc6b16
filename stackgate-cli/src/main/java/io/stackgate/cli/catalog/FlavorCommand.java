package io.stackgate.cli.catalog;

import java.util.List;

import io.stackgate.api.FlavorDto;
import io.stackgate.cli.command.CommandGroup;
import io.stackgate.cli.command.ExitCode;
import io.stackgate.cli.command.GatewayCommand;
import io.stackgate.cli.output.Column;
import io.stackgate.cli.output.OutputOptions;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;

/**
 * {@code stackgate flavor ...}.
 */
@Command(name = "flavor", description = "Nova flavors: the sizes a server can have.")
public class FlavorCommand implements CommandGroup {

	@Override
	public List<Class<?>> subcommands() {
		return List.of(ListCommand.class);
	}

	static final List<Column<FlavorDto>> COLUMNS = List.of(Column.of("ID", FlavorDto::id),
			Column.of("Name", FlavorDto::name), Column.of("RAM", FlavorDto::ram), Column.of("Disk", FlavorDto::disk),
			Column.of("VCPUs", FlavorDto::vcpus));

	@Command(name = "list", description = "List the flavors the project may use (RAM in MiB, disk in GiB).",
			footerHeading = "%nExamples:%n", footer = { "  stackgate flavor list",
					"  stackgate flavor list -f value -c Name", "  stackgate flavor list -f json" })
	static class ListCommand extends GatewayCommand {

		@Mixin
		private OutputOptions output;

		@Override
		public Integer call() {
			this.output.printList(out(), COLUMNS, gateway().listFlavors());
			return ExitCode.OK;
		}

	}

}
