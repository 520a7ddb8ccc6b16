package io.stackgate.server.cloud.openstack4j;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.util.Collections;
import java.util.Map;
import java.util.TreeMap;

import okhttp3.Response;
import org.openstack4j.api.exceptions.ClientResponseException;
import org.openstack4j.core.transport.ClientConstants;
import org.openstack4j.core.transport.ExecutionOptions;
import org.openstack4j.core.transport.HttpEntityHandler;
import org.openstack4j.core.transport.HttpResponse;
import org.openstack4j.core.transport.ObjectMapperSingleton;

/**
 * An OpenStack answer read whole before openstack4j sees it. openstack4j does not close
 * every response it is given; reading the body at once gives the connection back to its
 * pool whatever openstack4j does next. The gateway's answers from OpenStack are JSON
 * documents of a few megabytes at most (a page of 1,000 servers).
 */
final class BufferedHttpResponse implements HttpResponse {

	private final int status;

	private final String statusMessage;

	private final Map<String, String> headers = new TreeMap<>(String.CASE_INSENSITIVE_ORDER);

	private final byte[] body;

	private BufferedHttpResponse(int status, String statusMessage, byte[] body) {
		this.status = status;
		this.statusMessage = statusMessage;
		this.body = body;
	}

	/**
	 * @param response an answer whose body is still to be read; this reads and closes it
	 * @return the answer, read
	 * @throws IOException when the body could not be read
	 */
	static BufferedHttpResponse read(Response response) throws IOException {
		try (response) {
			BufferedHttpResponse buffered = new BufferedHttpResponse(response.code(), response.message(),
					response.body().bytes());
			for (String name : response.headers().names()) {
				buffered.headers.put(name, response.header(name));
			}
			return buffered;
		}
	}

	@Override
	public <T> T getEntity(Class<T> returnType) {
		return getEntity(returnType, null);
	}

	@Override
	public <T> T getEntity(Class<T> returnType, ExecutionOptions<T> options) {
		return HttpEntityHandler.handle(this, returnType, options, Boolean.TRUE);
	}

	@Override
	public <T> T readEntity(Class<T> typeToReadAs) {
		try {
			return ObjectMapperSingleton.getContext(typeToReadAs).reader(typeToReadAs).readValue(this.body);
		}
		catch (IOException ex) {
			throw new ClientResponseException(ex.getMessage(), 0, ex);
		}
	}

	@Override
	public int getStatus() {
		return this.status;
	}

	@Override
	public String getContentType() {
		return header(ClientConstants.HEADER_CONTENT_TYPE);
	}

	@Override
	public String getStatusMessage() {
		return this.statusMessage;
	}

	@Override
	public InputStream getInputStream() {
		return new ByteArrayInputStream(this.body);
	}

	@Override
	public String header(String name) {
		return this.headers.get(name);
	}

	@Override
	public Map<String, String> headers() {
		return Collections.unmodifiableMap(this.headers);
	}

	@Override
	public void close() {
		// Nothing is held: the body was read and its connection given back.
	}

}
