/**
 * The live server view: per project, the servers as Nova and Neutron show them, kept
 * fresh by asking only what changed, served to lists and pushed to watchers.
 */
package io.stackgate.server.servers.view;
