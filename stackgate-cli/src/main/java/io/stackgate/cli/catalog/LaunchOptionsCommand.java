package io.stackgate.cli.catalog;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import io.stackgate.api.LaunchOptionsDto;
import io.stackgate.cli.command.ExitCode;
import io.stackgate.cli.command.GatewayCommand;
import io.stackgate.cli.output.OutputOptions;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;

/**
 * {@code stackgate launch-options}: flavors, images and networks in one request.
 */
@Command(name = "launch-options",
		description = "Show everything 'server create' can use: flavors, images and networks, in one request.",
		footerHeading = "%nExamples:%n", footer = { "  stackgate launch-options", "  stackgate launch-options -c Name",
				"  stackgate launch-options -f json" })
public class LaunchOptionsCommand extends GatewayCommand {

	@Mixin
	private OutputOptions output;

	@Override
	public Integer call() {
		LaunchOptionsDto options = gateway().launchOptions();
		Map<String, OutputOptions.Section<?>> sections = new LinkedHashMap<>();
		sections.put("flavors", new OutputOptions.Section<>(FlavorCommand.COLUMNS, orEmpty(options.flavors())));
		sections.put("images", new OutputOptions.Section<>(ImageCommand.COLUMNS, orEmpty(options.images())));
		sections.put("networks", new OutputOptions.Section<>(NetworkCommand.COLUMNS, orEmpty(options.networks())));
		this.output.printSections(out(), sections);
		return ExitCode.OK;
	}

	private static <T> List<T> orEmpty(List<T> list) {
		return (list != null) ? list : List.of();
	}

}
