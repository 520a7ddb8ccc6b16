/**
 * The catalog a server is launched from: flavors, images, networks and launch options,
 * cached per project.
 */
package io.stackgate.server.catalog;
