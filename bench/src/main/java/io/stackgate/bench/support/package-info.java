/**
 * What the benchmarks share: options, the cloud (through stackgate-cloud-config) and its
 * Keystone, authenticated HTTP with timing-friendly failures, JSON (Jackson), load
 * generation, statistics, the gateway's memory and the result table.
 */
package io.stackgate.bench.support;
