package io.stackgate.cli;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import io.stackgate.cli.support.CliRun;
import io.stackgate.cli.support.CliRun.Result;
import picocli.CommandLine;

import static org.assertj.core.api.Assertions.assertThat;

class HelpAndCompletionTests {

	@TempDir
	Path configDir;

	@Test
	void everyRunnableCommandHasHelpWithExamples() {
		CommandLine root = StackgateCli.commandLine(new CliRun(this.configDir).context());
		List<CommandLine> leaves = new ArrayList<>();
		collectLeaves(root, leaves);
		assertThat(leaves).extracting(CommandLine::getCommandName)
			.contains("login", "logout", "list", "show", "create", "delete", "launch-options", "completion");
		for (CommandLine command : leaves) {
			String[] path = command.getCommandSpec().qualifiedName(" ").replaceFirst("^stackgate ?", "").split(" ");
			String[] args = java.util.Arrays.copyOf(path, path.length + 1);
			args[path.length] = "--help";
			Result result = new CliRun(this.configDir).run(args);
			assertThat(result.exitCode()).as(String.join(" ", args)).isZero();
			assertThat(result.out()).as(String.join(" ", args))
				.startsWith("Usage: " + command.getCommandSpec().qualifiedName())
				.contains("Examples:\n  stackgate ");
			for (String line : result.out().split("\n")) {
				assertThat(line.length()).as("line width in " + String.join(" ", args) + ": " + line)
					.isLessThanOrEqualTo(80);
			}
		}
	}

	private static void collectLeaves(CommandLine command, List<CommandLine> leaves) {
		if (command.getSubcommands().isEmpty() || command.getCommandName().equals("stackgate")) {
			leaves.add(command);
		}
		command.getSubcommands().values().forEach((sub) -> collectLeaves(sub, leaves));
	}

	@Test
	void aRunBuildsOnlyTheCommandItExecutes() {
		CliRun run = new CliRun(this.configDir);
		CommandLine serverList = StackgateCli.commandLine(run.context(),
				new String[] { "--url", "http://x", "server", "list", "--all" });
		assertThat(serverList.getSubcommands()).containsOnlyKeys("server");
		assertThat(serverList.getSubcommands().get("server").getSubcommands()).containsOnlyKeys("list");
		assertThat(StackgateCli.commandLine(run.context(), new String[] { "server", "--help" })
			.getSubcommands()
			.get("server")
			.getSubcommands()).containsOnlyKeys("list", "show", "create", "delete");
		assertThat(StackgateCli.commandLine(run.context(), new String[] { "--version" }).getSubcommands()).isEmpty();
		assertThat(StackgateCli.commandLine(run.context(), new String[] { "--help" }).getSubcommands())
			.containsOnlyKeys("login", "logout", "flavor", "image", "network", "launch-options", "server",
					"completion");
		assertThat(StackgateCli.commandLine(run.context(), new String[] { "sever", "list" }).getSubcommands())
			.hasSize(8);
	}

	@Test
	void versionComesFromTheManifest() {
		Result result = new CliRun(this.configDir).run("--version");
		assertThat(result.exitCode()).isZero();
		assertThat(result.out()).startsWith("stackgate ");
	}

	@Test
	void bashCompletionKnowsCommandsOptionsAndFormats() {
		Result result = new CliRun(this.configDir).run("completion", "bash");
		assertThat(result.exitCode()).isZero();
		assertThat(result.out()).contains("complete -F _complete_stackgate -o default stackgate")
			.contains("local commands=\"login logout flavor image network launch-options server completion\"")
			.contains("'--security-group'")
			.contains("(\"table\" \"json\" \"yaml\" \"value\") # --format values")
			.contains("\"ACTIVE\" \"BUILD\"");
	}

	@Test
	void zshCompletionLoadsBashcompinit() {
		Result result = new CliRun(this.configDir).run("completion", "zsh");
		assertThat(result.exitCode()).isZero();
		assertThat(result.out()).contains("elif [ -n \"$ZSH_VERSION\" ]; then").contains("bashcompinit");
	}

	@Test
	void unknownShellIsAUsageError() {
		Result result = new CliRun(this.configDir).run("completion", "fish");
		assertThat(result.exitCode()).isEqualTo(2);
		assertThat(result.err()).startsWith("stackgate: Unsupported shell 'fish': choose bash or zsh");
	}

	static String render(CommandLine commandLine) {
		StringWriter out = new StringWriter();
		commandLine.usage(new PrintWriter(out));
		return out.toString();
	}

}
