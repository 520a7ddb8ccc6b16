/**
 * Answers of OpenStack kept for a while and served through its slowdowns and outages.
 */
package io.stackgate.server.cache;
