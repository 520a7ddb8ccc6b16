/**
 * Launching servers: validating the request, resolving its flavor, image and networks,
 * the idempotency protocol of {@code Idempotency-Key}, and creating every server once,
 * with rollback.
 */
package io.stackgate.server.servers.launch;
