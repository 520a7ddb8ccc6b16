/**
 * {@code stackgate}, the command-line client: the top-level command, the process entry
 * point and the shell completion command. The subpackages hold one command group each,
 * plus the HTTP client, config, JSON and output formats.
 */
package io.stackgate.cli;
