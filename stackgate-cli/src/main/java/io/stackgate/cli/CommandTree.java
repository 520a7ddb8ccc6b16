package io.stackgate.cli;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import io.stackgate.cli.auth.LoginCommand;
import io.stackgate.cli.auth.LogoutCommand;
import io.stackgate.cli.catalog.FlavorCommand;
import io.stackgate.cli.catalog.ImageCommand;
import io.stackgate.cli.catalog.LaunchOptionsCommand;
import io.stackgate.cli.catalog.NetworkCommand;
import io.stackgate.cli.command.CommandGroup;
import io.stackgate.cli.server.ServerCommand;
import picocli.CommandLine;
import picocli.CommandLine.Command;

/**
 * The commands under {@code stackgate}, added lazily. picocli builds the model of every
 * command it is given up front, by reflection, which costs a cold JVM about 10 ms per
 * command; so a run adds only the commands on its path ({@code server}, then
 * {@code list}), and all of them only for help, completion or a mistyped command.
 */
final class CommandTree {

	/** The top-level commands, in the order help lists them. */
	private static final Map<String, Class<?>> COMMANDS = commands(LoginCommand.class, LogoutCommand.class,
			FlavorCommand.class, ImageCommand.class, NetworkCommand.class, LaunchOptionsCommand.class,
			ServerCommand.class, CompletionCommand.class);

	/**
	 * The global options that take a value, as a separate argument unless written
	 * {@code --url=URL}.
	 */
	private static final Set<String> OPTIONS_WITH_VALUE = Set.of("--url", "--token");

	private CommandTree() {
	}

	/**
	 * Adds to the top-level command what these arguments need: the one top-level command
	 * they name (with its subcommands), or every command; none for {@code --version}.
	 */
	static void addFor(CommandLine root, String[] args) {
		List<String> path = commandPath(args);
		boolean versionOnly = path.isEmpty() && (List.of(args).contains("-V") || List.of(args).contains("--version"));
		if (!versionOnly) {
			addSubcommands(root, COMMANDS, path);
		}
	}

	/**
	 * Adds the commands the path names, or all of them when it names none of them (help,
	 * a typo); and the same one level down for a {@link CommandGroup}.
	 */
	private static void addSubcommands(CommandLine parent, Map<String, Class<?>> commands, List<String> path) {
		String named = path.isEmpty() ? null : path.get(0);
		boolean all = !commands.containsKey(named) || named.equals("completion");
		commands.forEach((name, type) -> {
			if (all || name.equals(named)) {
				parent.addSubcommand(name, type);
				CommandLine added = parent.getSubcommands().get(name);
				if (added.getCommand() instanceof CommandGroup group) {
					addSubcommands(added, commands(group.subcommands().toArray(Class<?>[]::new)),
							all ? List.of() : path.subList(1, path.size()));
				}
			}
		});
	}

	/**
	 * The first two words that are not options: the command path, such as
	 * {@code server list}.
	 */
	private static List<String> commandPath(String[] args) {
		List<String> path = new ArrayList<>(2);
		for (int i = 0; i < args.length && path.size() < 2; i++) {
			if (!args[i].startsWith("-")) {
				path.add(args[i]);
			}
			else if (OPTIONS_WITH_VALUE.contains(args[i])) {
				i++;
			}
		}
		return path;
	}

	private static Map<String, Class<?>> commands(Class<?>... types) {
		Map<String, Class<?>> commands = new LinkedHashMap<>();
		for (Class<?> type : types) {
			commands.put(type.getAnnotation(Command.class).name(), type);
		}
		return commands;
	}

}
