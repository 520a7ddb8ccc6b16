/**
 * The gateway's view of OpenStack: one small port per service it talks to
 * ({@link ComputeClient} for Nova, {@link ImageClient} for Glance, {@link NetworkClient}
 * for Neutron, {@link CallerTokens} for Keystone), the launch lock ({@link LaunchLocks}),
 * and the failures they can end in ({@link CloudException}). Nothing here knows which
 * client library talks to the cloud.
 */
package io.stackgate.server.cloud;
