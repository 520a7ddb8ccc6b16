package io.stackgate.server.cloud.openstack4j;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;

/**
 * The one place where values become parts of OpenStack URLs: each is percent-encoded as
 * one path segment, so that no value ({@code ..}, {@code a/b}, {@code x?all_tenants=1})
 * can name another resource or add a query.
 */
final class UpstreamPaths {

	private UpstreamPaths() {
	}

	/**
	 * @return the value as one encoded path segment
	 */
	static String segment(String value) {
		if (value == null || value.isEmpty() || value.equals(".") || value.equals("..")) {
			throw new IllegalArgumentException("Not a path segment: '" + value + "'");
		}
		return URLEncoder.encode(value, StandardCharsets.UTF_8).replace("+", "%20");
	}

}
