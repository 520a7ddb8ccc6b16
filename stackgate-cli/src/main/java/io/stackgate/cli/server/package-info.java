/**
 * {@code stackgate server list|show|create|delete}: Nova servers, found by id or exact
 * name, with {@code --wait} progress.
 */
package io.stackgate.cli.server;
