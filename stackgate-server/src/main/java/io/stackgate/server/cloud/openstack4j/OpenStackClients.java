package io.stackgate.server.cloud.openstack4j;

import java.time.Duration;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;

import org.openstack4j.api.OSClient.OSClientV3;
import org.openstack4j.api.types.Facing;
import org.openstack4j.core.transport.ClientConstants;
import org.openstack4j.core.transport.Config;
import org.openstack4j.model.identity.v3.Token;
import org.openstack4j.openstack.OSFactory;

import io.stackgate.cloudconfig.CloudConfig;

/**
 * Builds openstack4j clients; {@link UpstreamCalls} calls with them. openstack4j keeps
 * its session in a thread-local, so a client is built on the thread that uses it, for one
 * call, around a token held elsewhere: that costs no HTTP request.
 */
class OpenStackClients {

	/**
	 * A header that tells openstack4j's HTTP connector not to re-authenticate and repeat
	 * a request that got a 401 by itself: it would repeat creates, and cannot log in
	 * again from a token anyway. The gateway decides what to do with a 401 (see
	 * {@link Upstream}).
	 */
	private static final Map.Entry<String, String> NO_IMPLICIT_REAUTHENTICATION = Map
		.entry(ClientConstants.HEADER_OS4J_AUTH, "stackgate");

	/** The header OpenStack services read a global request id from. */
	private static final String GLOBAL_REQUEST_ID = "X-OpenStack-Request-ID";

	private final Config config;

	private final Facing facing;

	private final String region;

	OpenStackClients(CloudConfig cloud, Config config) {
		this.config = config;
		this.facing = Facing.valueOf(cloud.endpointInterface().toUpperCase(Locale.ROOT).replace("URL", ""));
		this.region = cloud.regionName();
	}

	/**
	 * @param connect the connect timeout
	 * @param read the read timeout
	 * @return a configuration with those timeouts and the cloud's TLS setup
	 */
	Config timeouts(Duration connect, Duration read) {
		Config config = Config.newConfig()
			.withConnectionTimeout((int) connect.toMillis())
			.withReadTimeout((int) read.toMillis());
		if (this.config.getSslContext() != null) {
			config.withSSLContext(this.config.getSslContext());
		}
		if (this.config.isIgnoreSSLVerification()) {
			config.withSSLVerificationDisabled();
		}
		return config;
	}

	/**
	 * @param token the token to call with
	 * @param requestId the gateway request id, sent as OpenStack's global request id
	 * @param config the timeouts to call with
	 * @param headers more headers for every request of the client: openstack4j adds its
	 * session's headers to each request it builds, and a client is built per call
	 * @return a client bound to the calling thread
	 */
	OSClientV3 forToken(Token token, String requestId, Config config, Map<String, String> headers) {
		OSClientV3 client = OSFactory.clientFromToken(token, this.facing, config);
		if (this.region != null) {
			client.useRegion(this.region);
		}
		Map<String, String> all = new HashMap<>(headers);
		all.put(NO_IMPLICIT_REAUTHENTICATION.getKey(), NO_IMPLICIT_REAUTHENTICATION.getValue());
		all.put(GLOBAL_REQUEST_ID, requestId);
		client.headers(all);
		return client;
	}

	/**
	 * @return the configured timeouts: for a call that gets the whole read timeout, and
	 * for Keystone's
	 */
	Config config() {
		return this.config;
	}

	Facing facing() {
		return this.facing;
	}

}
