/**
 * The project's servers (VMs): listing, showing and deleting them, and waiting for them
 * to settle or go.
 */
package io.stackgate.server.servers;
