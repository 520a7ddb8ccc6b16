/**
 * The gateway's HTTP API as Java calls: {@link io.stackgate.cli.client.GatewayClient},
 * its credentials, and the exception (with its kind) that problem+json responses become.
 */
package io.stackgate.cli.client;
