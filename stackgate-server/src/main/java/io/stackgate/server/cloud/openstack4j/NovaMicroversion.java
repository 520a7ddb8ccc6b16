package io.stackgate.server.cloud.openstack4j;

import java.util.function.Supplier;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The Nova microversion every compute call sends, in
 * {@code X-OpenStack-Nova-API-Version}: the highest the gateway is written for,
 * {@value #FLAVOR_EMBEDDED} (a server embeds its flavor, so showing it needs no flavor
 * lookup), when Nova offers it, else the base {@value #BASE}. openstack4j sends none,
 * which Nova takes as {@value #BASE}. Nova's version document is read on the first
 * compute call and the choice kept; when it cannot be read, that call goes out at
 * {@value #BASE} and the next one reads it again.
 */
final class NovaMicroversion {

	static final String HEADER = "X-OpenStack-Nova-API-Version";

	/**
	 * Servers embed their flavor (original_name, vcpus, ram, disk, ...) instead of
	 * linking it by id.
	 */
	static final String FLAVOR_EMBEDDED = "2.47";

	/** What Nova assumes without the header; every Nova since Kilo offers it. */
	static final String BASE = "2.1";

	private static final Logger log = LoggerFactory.getLogger(NovaMicroversion.class);

	private volatile String negotiated;

	/**
	 * @param maximum reads the highest microversion Nova offers from its version document
	 * ({@code ""} for a Nova without microversions)
	 * @return the microversion to send
	 */
	String choose(Supplier<String> maximum) {
		String chosen = this.negotiated;
		if (chosen != null) {
			return chosen;
		}
		String offered;
		try {
			offered = maximum.get();
		}
		catch (RuntimeException ex) {
			log.warn("Cannot read Nova's version document ({}): this call uses microversion {}", ex.getMessage(), BASE);
			return BASE;
		}
		chosen = atLeast(offered, FLAVOR_EMBEDDED) ? FLAVOR_EMBEDDED : BASE;
		log.info("Nova offers microversions up to {}: the gateway sends {}", offered.isEmpty() ? BASE : offered,
				chosen);
		this.negotiated = chosen;
		return chosen;
	}

	/** Compares microversions as numbers: {@code 2.100} is after {@code 2.47}. */
	static boolean atLeast(String version, String wanted) {
		if (version == null || !version.matches("\\d+\\.\\d+")) {
			return false;
		}
		String[] have = version.split("\\.");
		String[] want = wanted.split("\\.");
		int major = Integer.compare(Integer.parseInt(have[0]), Integer.parseInt(want[0]));
		return (major != 0) ? major > 0 : Integer.parseInt(have[1]) >= Integer.parseInt(want[1]);
	}

}
