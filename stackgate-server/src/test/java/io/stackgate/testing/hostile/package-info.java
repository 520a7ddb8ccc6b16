/**
 * The hostile suite: requests generated from docs/openapi.json, sent byte for byte, and
 * the oracles that check the README's promises; used on WireMock by the unit tests and on
 * the real cloud by HostileInputIT.
 */
package io.stackgate.testing.hostile;
