/**
 * Configuration: the gateway's typed {@code stackgate.*} properties, and the OpenStack cloud it talks to (read once
 * at start-up by {@code stackgate-cloud-config}, whose failures become a one-line start-up message here).
 */
package io.stackgate.server.config;
