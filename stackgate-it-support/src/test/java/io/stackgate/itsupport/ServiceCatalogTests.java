package io.stackgate.itsupport;

import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalStateException;

/** The endpoints read from a catalog shaped like Keystone's. */
class ServiceCatalogTests {

	private static final JsonNode CATALOG = JsonMapper.builder()
		.build()
		.readTree(
				"""
						[{"type": "compute", "endpoints": [
						   {"interface": "internal", "region_id": "RegionOne", "url": "http://internal/compute/v2.1"},
						   {"interface": "public", "region_id": "RegionOne", "url": "http://one/compute/v2.1/"},
						   {"interface": "public", "region_id": "RegionTwo", "url": "http://two/compute/v2.1"}]},
						 {"type": "image", "endpoints": [{"interface": "public", "region": "RegionOne", "url": "http://one/image/v2"}]},
						 {"type": "network", "endpoints": [{"interface": "public", "region_id": "RegionOne", "url": "http://one:9696/v2.0/"}]}]""");

	@Test
	void picksTheInterfaceAndRegionWithoutATrailingSlash() {
		assertThat(new ServiceCatalog(CATALOG, "public", null).endpoint("compute"))
			.isEqualTo("http://one/compute/v2.1");
		assertThat(new ServiceCatalog(CATALOG, "public", "RegionTwo").endpoint("compute"))
			.isEqualTo("http://two/compute/v2.1");
		assertThat(new ServiceCatalog(CATALOG, "internalURL", "RegionOne").endpoint("compute"))
			.isEqualTo("http://internal/compute/v2.1");
	}

	@Test
	void givesGlanceAndNeutronWithoutTheirApiVersion() {
		ServiceCatalog catalog = new ServiceCatalog(CATALOG, "public", "RegionOne");

		assertThat(catalog.endpoint("image")).isEqualTo("http://one/image");
		assertThat(catalog.endpoint("network")).isEqualTo("http://one:9696");
	}

	@Test
	void saysWhatIsMissing() {
		assertThatIllegalStateException()
			.isThrownBy(() -> new ServiceCatalog(CATALOG, "public", "RegionTwo").endpoint("image"))
			.withMessage("No public image endpoint in region RegionTwo in the catalog");
	}

}
