/**
 * The wire model of the Stackgate HTTP API, shared by the gateway and its CLI. JSON property names are
 * snake_case, as in the OpenStack APIs.
 */
package io.stackgate.api;
