/**
 * What every command shares: the process context, the global options, exit codes and the
 * exceptions that map to them.
 */
package io.stackgate.cli.command;
