package io.stackgate.server.cloud.openstack4j;

import org.openstack4j.api.exceptions.ResponseException;
import org.openstack4j.core.transport.HttpEntityHandler;
import org.openstack4j.core.transport.HttpResponse;
import org.openstack4j.core.transport.functions.ResponseToActionResponse;
import org.openstack4j.openstack.compute.internal.BaseComputeServices;

/**
 * Nova deletes that keep Nova's answer. openstack4j's own delete calls count a 429, 502,
 * 503 or 504 as a success and drop the request id; these throw openstack4j's exception
 * for any answer but a 2xx, which {@link Upstream} then maps like every other failure.
 * Like every openstack4j call, they use the session of the calling thread.
 */
class NovaDeletes extends BaseComputeServices {

	void deleteServer(String serverId) {
		check(delete(Void.class, uri("/servers/%s", UpstreamPaths.segment(serverId))).executeWithResponse());
	}

	void deleteKeypair(String name) {
		check(delete(Void.class, uri("/os-keypairs/%s", UpstreamPaths.segment(name))).executeWithResponse());
	}

	private static void check(HttpResponse response) {
		try {
			int status = response.getStatus();
			if (status < 200 || status >= 300) {
				String fault = (status < 500) ? ResponseToActionResponse.INSTANCE.apply(response).getFault() : null;
				throw ResponseException.mapException(response, fault);
			}
		}
		finally {
			HttpEntityHandler.closeQuietly(response);
		}
	}

}
