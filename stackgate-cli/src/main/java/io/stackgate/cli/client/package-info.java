/**
 * The gateway's HTTP API as Java calls: {@link io.stackgate.cli.client.GatewayClient},
 * its credentials, and the typed exceptions that problem+json responses become.
 */
package io.stackgate.cli.client;
