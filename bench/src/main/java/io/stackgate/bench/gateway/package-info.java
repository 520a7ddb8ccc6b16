/**
 * The gateway benchmark ({@code bench/run}): server-list latency, launch-options
 * throughput, Keystone logins and the gateway's memory, each against the OpenStack calls
 * it replaces.
 */
package io.stackgate.bench.gateway;
