/**
 * Configuration: the gateway's typed {@code stackgate.*} properties and the OpenStack cloud it talks to, read
 * from {@code clouds.yaml} or {@code OS_*} variables the way the OpenStack clients read them.
 */
package io.stackgate.server.config;
