package io.stackgate.server.cloud.openstack4j;

import java.io.IOException;
import java.io.InputStream;
import java.util.Map;

import okhttp3.MediaType;
import okhttp3.Request;
import okhttp3.RequestBody;
import org.openstack4j.api.exceptions.ConnectionException;
import org.openstack4j.core.transport.ClientConstants;
import org.openstack4j.core.transport.HttpExecutorService;
import org.openstack4j.core.transport.HttpMethod;
import org.openstack4j.core.transport.HttpRequest;
import org.openstack4j.core.transport.HttpResponse;
import org.openstack4j.core.transport.ObjectMapperSingleton;
import org.openstack4j.util.IOUtil;

/**
 * openstack4j's HTTP connector in the gateway, found by openstack4j with
 * {@link java.util.ServiceLoader} ({@code META-INF/services}). openstack4j's own OkHttp
 * connector builds a client for every request, with a pool that keeps no connection, and
 * cannot use a private CA on Java 9 and later; this one sends every call over
 * {@link UpstreamConnections}. It never logs in again by itself on a {@code 401}: the
 * gateway decides what a 401 means (see {@link OpenStackClients}).
 */
public final class UpstreamConnector implements HttpExecutorService {

	private static final byte[] EMPTY = new byte[0];

	@Override
	public <R> HttpResponse execute(HttpRequest<R> request) {
		try {
			Request call = toOkHttp(request);
			return BufferedHttpResponse
				.read(UpstreamConnections.forCall(request.getConfig(), call.method()).newCall(call).execute());
		}
		catch (IOException ex) {
			throw new ConnectionException(ex.getMessage(), 0, ex);
		}
	}

	@Override
	public String getExecutorDisplayName() {
		return "Stackgate's kept connections (OkHttp)";
	}

	private static Request toOkHttp(HttpRequest<?> request) throws IOException {
		Request.Builder builder = new Request.Builder().url(request.getUrl());
		if (request.hasHeaders()) {
			for (Map.Entry<String, Object> header : request.getHeaders().entrySet()) {
				builder.addHeader(header.getKey(), String.valueOf(header.getValue()));
			}
		}
		return builder.method(request.getMethod().name(), body(request)).build();
	}

	private static RequestBody body(HttpRequest<?> request) throws IOException {
		Object entity = request.getEntity();
		if (entity instanceof InputStream stream) {
			return RequestBody.create(IOUtil.readBytes(stream), MediaType.parse(request.getContentType()));
		}
		if (entity != null) {
			String json = ObjectMapperSingleton.getContext(entity.getClass()).writer().writeValueAsString(entity);
			return RequestBody.create(json, MediaType.parse(request.getContentType()));
		}
		if (request.hasJson()) {
			return RequestBody.create(request.getJson(), MediaType.parse(ClientConstants.CONTENT_TYPE_JSON));
		}
		// OkHttp needs a body, even an empty one, for a POST or PUT.
		boolean needsBody = request.getMethod() == HttpMethod.POST || request.getMethod() == HttpMethod.PUT
				|| request.getMethod() == HttpMethod.PATCH;
		return needsBody ? RequestBody.create(EMPTY, null) : null;
	}

}
