/**
 * Threads and futures as the gateway uses them, whatever the feature.
 */
package io.stackgate.server.concurrent;
