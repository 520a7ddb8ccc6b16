/**
 * The OpenStack cloud to talk to, read from {@code clouds.yaml} / {@code secure.yaml} or
 * {@code OS_*} variables the way the OpenStack clients read them. Plain Java: the
 * gateway, the packaging tests and the benchmarks share it.
 */
package io.stackgate.cloudconfig;
