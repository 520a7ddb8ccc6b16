/**
 * The web console: the static page served at {@code /}, its security headers and the one
 * setting it reads.
 */
package io.stackgate.server.console;
