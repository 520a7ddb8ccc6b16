package io.stackgate.cli.command;

import java.util.List;

/**
 * A command made of subcommands ({@code server list|show|create|delete}). The top-level
 * command adds them on demand rather than through {@code @Command(subcommands = ...)},
 * because picocli builds every command it is given up front, by reflection, at about 10
 * ms each in a cold JVM; a run needs only one.
 */
public interface CommandGroup {

	/**
	 * The subcommands, in the order help lists them.
	 * @return picocli command classes
	 */
	List<Class<?>> subcommands();

}
