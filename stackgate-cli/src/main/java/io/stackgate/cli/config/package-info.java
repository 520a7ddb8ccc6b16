/**
 * Where the CLI talks to and as whom: the stored login in {@code ~/.config/stackgate} and
 * the precedence of flags, environment and login.
 */
package io.stackgate.cli.config;
