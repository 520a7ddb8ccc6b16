/**
 * What both benchmarks share: options, the cloud (through stackgate-cloud-config) and its Keystone, HTTP with
 * timing-friendly failures, JSON (Jackson), statistics and the result table.
 */
package io.stackgate.bench.support;
