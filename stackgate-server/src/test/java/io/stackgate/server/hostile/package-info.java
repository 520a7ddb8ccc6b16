/**
 * The whole gateway on a WireMock OpenStack: the hostile suite's fast loop, a stalled
 * Nova, and the regression tests of every layer's error responses.
 */
package io.stackgate.server.hostile;
