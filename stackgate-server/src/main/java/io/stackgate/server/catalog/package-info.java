/**
 * What is needed to launch a server: flavors, images and networks, cached per project.
 */
package io.stackgate.server.catalog;
