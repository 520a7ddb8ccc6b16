/**
 * The wire model of the Stackgate HTTP API, shared by the gateway and its CLI. JSON
 * property names are snake_case, as in the OpenStack APIs, and spelled out with
 * {@code @JsonProperty} so that every JSON library and the OpenAPI generator agree on
 * them.
 */
package io.stackgate.api;
