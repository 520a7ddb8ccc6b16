/**
 * The remote-cloud benchmark ({@code bench/remote-cloud}, issue 19): gateways in front of
 * the devcloud's remote front (TLS with a CA of its own, devstack's paths, a round trip
 * added by a relay), against a keep-alive HTTPS client calling the same APIs directly: a
 * server's read, a launch that waits, the first launch options, and the connections a
 * live view opens, counted in the front's access log.
 */
package io.stackgate.bench.remote;
