package io.stackgate.cli;

import java.util.Iterator;
import java.util.List;
import java.util.concurrent.Callable;

import io.stackgate.cli.command.ExitCode;
import picocli.AutoComplete;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * {@code stackgate completion bash|zsh}: the completion script, generated from the
 * command model by picocli.
 */
@Command(name = "completion",
		description = { "Print the shell completion script for bash or zsh.",
				"Generated from the command model, so it always knows every command, option and format." },
		footerHeading = "%nExamples:%n",
		footer = { "  stackgate completion bash > /etc/bash_completion.d/stackgate",
				"  source <(stackgate completion bash)        # this bash session only",
				"  source <(stackgate completion zsh)         # zsh: in ~/.zshrc" })
class CompletionCommand implements Callable<Integer> {

	@Spec
	private CommandSpec spec;

	@Parameters(paramLabel = "SHELL", arity = "0..1", defaultValue = "bash", completionCandidates = Shells.class,
			description = "bash or zsh (default: ${DEFAULT-VALUE}).")
	private String shell;

	@Override
	public Integer call() {
		if (!this.shell.equals("bash") && !this.shell.equals("zsh")) {
			throw new picocli.CommandLine.ParameterException(this.spec.commandLine(),
					"Unsupported shell '" + this.shell + "': choose bash or zsh");
		}
		// One script serves both: under zsh it loads bashcompinit itself.
		String script = AutoComplete.bash("stackgate", this.spec.root().commandLine());
		this.spec.commandLine().getOut().print(script);
		this.spec.commandLine().getOut().flush();
		return ExitCode.OK;
	}

	/** The shells there are scripts for. */
	static final class Shells implements Iterable<String> {

		@Override
		public Iterator<String> iterator() {
			return List.of("bash", "zsh").iterator();
		}

	}

}
