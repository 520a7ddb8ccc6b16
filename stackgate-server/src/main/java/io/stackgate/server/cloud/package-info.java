/**
 * The gateway's view of OpenStack: the operations it serves ({@link io.stackgate.server.cloud.CloudClient}) and the
 * failures they can end in ({@link io.stackgate.server.cloud.CloudException}). Nothing here knows which client
 * library talks to the cloud.
 */
package io.stackgate.server.cloud;
