/**
 * Errors: the semantic exceptions the gateway's features throw, and the one mapping from
 * them to RFC 9457 {@code application/problem+json} answers, used by the problem handler
 * and by the servlet filters alike.
 */
package io.stackgate.server.problem;
