/**
 * What the benchmarks share: options, the cloud (through stackgate-cloud-config) and its
 * Keystone (through stackgate-it-support), authenticated HTTP with timing-friendly
 * failures, JSON (Jackson), load generation, statistics, the gateway's memory and the
 * result table.
 */
package io.stackgate.bench.support;
