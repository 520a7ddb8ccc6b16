/**
 * {@code stackgate login} and {@code stackgate logout}.
 */
package io.stackgate.cli.auth;
