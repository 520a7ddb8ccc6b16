/**
 * The cloud adapter: the only package that imports openstack4j. It authenticates with
 * Keystone, builds a per-call openstack4j client from a shared token, walks pages, maps
 * openstack4j models to the wire model and openstack4j exceptions to
 * {@link io.stackgate.server.cloud.CloudException}s.
 */
package io.stackgate.server.cloud.openstack4j;
