/**
 * Who may call the gateway, and as whom it calls OpenStack: Keystone tokens validated and
 * cached by their hash (mode {@code keystone}), API keys with roles (mode
 * {@code service}), client-network allow-lists, trusted proxies, per-caller rate limits
 * and the stripping of identity headers. Filters answer refusals with the same
 * problem+json as the controllers.
 */
package io.stackgate.server.auth;
