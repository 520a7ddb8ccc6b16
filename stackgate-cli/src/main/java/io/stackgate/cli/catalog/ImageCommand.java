package io.stackgate.cli.catalog;

import java.util.List;

import io.stackgate.api.ImageDto;
import io.stackgate.cli.command.CommandGroup;
import io.stackgate.cli.command.ExitCode;
import io.stackgate.cli.command.GatewayCommand;
import io.stackgate.cli.output.Column;
import io.stackgate.cli.output.OutputOptions;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;

/**
 * {@code stackgate image ...}.
 */
@Command(name = "image", description = "Glance images: what a server can boot from.")
public class ImageCommand implements CommandGroup {

	@Override
	public List<Class<?>> subcommands() {
		return List.of(ListCommand.class);
	}

	static final List<Column<ImageDto>> COLUMNS = List.of(Column.of("ID", ImageDto::id),
			Column.of("Name", ImageDto::name), Column.of("Status", ImageDto::status), Column.of("Size", ImageDto::size),
			Column.of("Min Disk", ImageDto::minDisk), Column.of("Min RAM", ImageDto::minRam));

	@Command(name = "list",
			description = "List the images the project may boot (size in bytes, min disk in GiB, min RAM in MiB).",
			footerHeading = "%nExamples:%n",
			footer = { "  stackgate image list", "  stackgate image list -c ID -c Name -f value" })
	static class ListCommand extends GatewayCommand {

		@Mixin
		private OutputOptions output;

		@Override
		public Integer call() {
			this.output.printList(out(), COLUMNS, gateway().listImages());
			return ExitCode.OK;
		}

	}

}
