/**
 * The launch benchmark ({@code bench/launch}): time from launch to ACTIVE through the
 * gateway and at Nova directly, one at a time and many at once, with a duplicates check;
 * it deletes every server it created.
 */
package io.stackgate.bench.launch;
