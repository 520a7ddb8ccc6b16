/**
 * The client openapi-generator makes from docs/openapi.json, driven against the real
 * gateway and cloud.
 */
package io.stackgate.clientit;
