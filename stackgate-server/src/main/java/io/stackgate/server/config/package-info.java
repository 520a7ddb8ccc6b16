/**
 * The OpenStack cloud the gateway talks to, read once at start-up by
 * {@code stackgate-cloud-config}, whose failures become a one-line start-up message here.
 * The gateway's own {@code stackgate.*} settings live beside the feature each configures.
 */
package io.stackgate.server.config;
