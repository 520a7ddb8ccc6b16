/**
 * Start-up tuning: the training run that {@code bin/stackgate} records the
 * class-data-sharing archive from.
 */
package io.stackgate.cli.cds;
