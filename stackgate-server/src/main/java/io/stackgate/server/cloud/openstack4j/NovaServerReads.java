package io.stackgate.server.cloud.openstack4j;

import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.annotation.JsonRootName;
import org.openstack4j.openstack.common.ListResult;
import org.openstack4j.openstack.compute.internal.BaseComputeServices;

/**
 * The Nova reads openstack4j cannot do as the gateway needs them: Nova's version
 * document, and servers read into {@link NovaServerDetail}, which keeps the flavor Nova
 * embeds from microversion 2.47. The requests are openstack4j's own
 * ({@code GET /servers/detail} with the filters as query parameters,
 * {@code GET /servers/ID}: null on 404), so they send the session's headers, the
 * microversion among them, like every other call.
 */
class NovaServerReads extends BaseComputeServices {

	/**
	 * @return the highest microversion Nova offers, {@code ""} when it offers none
	 */
	String maximumMicroversion() {
		NovaVersion version = get(NovaVersion.class, "/").execute();
		return (version != null && version.version != null) ? version.version : "";
	}

	List<NovaServerDetail> list(Map<String, String> query) {
		Invocation<NovaServerDetails> request = get(NovaServerDetails.class, "/servers/detail");
		for (Map.Entry<String, String> parameter : query.entrySet()) {
			request = request.param(parameter.getKey(), parameter.getValue());
		}
		return request.execute().getList();
	}

	/**
	 * @param serverId the id, already encoded as a path segment
	 * ({@link UpstreamPaths#segment})
	 * @return the server, {@code null} when Nova answers 404
	 */
	NovaServerDetail get(String serverId) {
		return get(NovaServerDetail.class, uri("/servers/%s", serverId)).execute();
	}

	/**
	 * Nova's version document at its endpoint: {@code {"version": {"id": "v2.1",
	 * "version": "2.93", ...}}}.
	 */
	@JsonRootName("version")
	@JsonIgnoreProperties(ignoreUnknown = true)
	static final class NovaVersion {

		@JsonProperty("version")
		String version;

	}

	/** {@code {"servers": [...]}}. */
	static final class NovaServerDetails extends ListResult<NovaServerDetail> {

		private static final long serialVersionUID = 1L;

		@JsonProperty("servers")
		private List<NovaServerDetail> servers;

		@Override
		protected List<NovaServerDetail> value() {
			return this.servers;
		}

	}

}
