package io.stackgate.server.cloud.openstack4j;

import java.util.Map;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.annotation.JsonRootName;
import org.openstack4j.openstack.compute.domain.NovaServer;

/**
 * A Nova server as openstack4j reads it, with its flavor read here: before microversion
 * 2.47 Nova links the flavor by id ({@code {"id": "42", "links": [...]}}); from 2.47 it
 * embeds a copy without an id ({@code {"original_name": "m1.nano", "vcpus": 1, "ram":
 * 128, "disk": 1, ...}}), of which openstack4j's {@code NovaFlavor} keeps neither the
 * name nor an id.
 */
@JsonRootName("server")
@JsonIgnoreProperties(ignoreUnknown = true)
class NovaServerDetail extends NovaServer {

	private static final long serialVersionUID = 1L;

	private String flavorId;

	private String flavorName;

	@JsonProperty("flavor")
	void embeddedFlavor(Map<String, Object> flavor) {
		if (flavor != null) {
			this.flavorId = (flavor.get("id") instanceof String id) ? id : null;
			this.flavorName = (flavor.get("original_name") instanceof String name) ? name : null;
		}
	}

	/**
	 * @return the flavor's id, {@code null} from microversion 2.47
	 */
	@Override
	public String getFlavorId() {
		return this.flavorId;
	}

	/**
	 * @return the flavor's name as the server was built with it, from microversion 2.47;
	 * else {@code null}
	 */
	String flavorName() {
		return this.flavorName;
	}

}
