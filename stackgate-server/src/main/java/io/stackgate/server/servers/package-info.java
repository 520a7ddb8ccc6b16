/**
 * Servers (VMs): listing and showing them with their addresses.
 */
package io.stackgate.server.servers;
