/**
 * What a server can be launched with: {@code flavor list}, {@code image list},
 * {@code network list} and {@code launch-options}.
 */
package io.stackgate.cli.catalog;
