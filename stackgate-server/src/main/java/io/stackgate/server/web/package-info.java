/**
 * What every route shares: request ids, the call context, strict JSON, the OpenAPI
 * description, ETags, request metrics tagged by caller, and where the HTTP server
 * listens.
 */
package io.stackgate.server.web;
