/**
 * The Stackgate gateway daemon.
 */
package io.stackgate.server;
