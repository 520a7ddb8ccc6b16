/**
 * What every route shares: request ids, the call context, problem+json errors, ETags.
 */
package io.stackgate.server.web;
