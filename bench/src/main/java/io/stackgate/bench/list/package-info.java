/**
 * The server-list benchmark ({@code bench/list}, issue 14): one project with many
 * servers, the gateway's whole list against Nova's {@code servers/detail}, how stale the
 * gateway's list is after changes made directly at Nova, the Nova requests that polling
 * clients cause, and the gateway's memory.
 */
package io.stackgate.bench.list;
