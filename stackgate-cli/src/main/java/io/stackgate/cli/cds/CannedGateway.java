package io.stackgate.cli.cds;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * A loopback HTTP/1.1 server that answers the gateway's routes with fixed JSON, so that
 * the class-data-sharing training run goes through the same code as a real command:
 * socket, HTTP parsing, JSON, formatting, errors. It serves one connection at a time and
 * is not a test double for anything else.
 */
final class CannedGateway implements AutoCloseable {

	static final String SERVER_ID = "7f1c3a52-1d0e-4b8e-9a57-5d0f1c9e2b10";

	private static final String SERVER = "{\"id\":\"%s\",\"name\":\"vm1\",\"status\":\"%s\","
			+ "\"addresses\":[{\"network\":\"private\",\"ip\":\"10.0.0.5\",\"version\":4,\"type\":\"fixed\"},"
			+ "{\"network\":\"private\",\"ip\":\"fd00::5\",\"version\":6,\"type\":\"fixed\"}],"
			+ "\"flavor\":{\"id\":\"42\",\"name\":\"m1.nano\"},\"image\":{\"id\":\"c0ffee00-0000-4000-8000-000000000001\","
			+ "\"name\":\"cirros-fake-raw\"},\"created\":\"2025-01-01T12:00:00Z\",\"fault\":null}";

	private static final String FLAVORS = "[{\"id\":\"42\",\"name\":\"m1.nano\",\"vcpus\":1,\"ram\":128,\"disk\":1}]";

	private static final String IMAGES = "[{\"id\":\"c0ffee00-0000-4000-8000-000000000001\",\"name\":\"cirros-fake-raw\","
			+ "\"status\":\"active\",\"size\":65536,\"min_disk\":0,\"min_ram\":0}]";

	private static final String NETWORKS = "[{\"id\":\"d00dfeed-0000-4000-8000-000000000002\",\"name\":\"private\","
			+ "\"status\":\"ACTIVE\",\"shared\":false,\"external\":false,\"subnets\":[{\"id\":\"5ub\",\"name\":\"private-subnet\","
			+ "\"cidr\":\"10.0.0.0/24\",\"ip_version\":4}]}]";

	private static final String NOT_FOUND = "{\"type\":\"https://stackgate.dev/problems/not-found\",\"title\":\"Not Found\","
			+ "\"status\":404,\"detail\":\"No server with id 'missing'.\",\"instance\":\"/api/v1/servers/missing\","
			+ "\"request_id\":\"req-1\"}";

	private final ServerSocket socket;

	private final Set<String> deleted = ConcurrentHashMap.newKeySet();

	CannedGateway() throws IOException {
		this.socket = new ServerSocket(0, 50, InetAddress.getLoopbackAddress());
		Thread thread = new Thread(this::serve, "canned-gateway");
		thread.setDaemon(true);
		thread.start();
	}

	String url() {
		return "http://127.0.0.1:" + this.socket.getLocalPort();
	}

	private void serve() {
		while (!this.socket.isClosed()) {
			try (Socket connection = this.socket.accept()) {
				handle(connection);
			}
			catch (IOException ex) {
				// closed, or a client gone: nothing to do in a training run
			}
		}
	}

	private void handle(Socket connection) throws IOException {
		BufferedReader in = new BufferedReader(
				new InputStreamReader(connection.getInputStream(), StandardCharsets.UTF_8));
		String[] requestLine = String.valueOf(in.readLine()).split(" ");
		int contentLength = 0;
		for (String header = in.readLine(); header != null && !header.isEmpty(); header = in.readLine()) {
			if (header.toLowerCase(java.util.Locale.ROOT).startsWith("content-length:")) {
				contentLength = Integer.parseInt(header.substring(15).trim());
			}
		}
		in.skip(contentLength);
		String method = requestLine[0];
		String path = (requestLine.length > 1) ? requestLine[1].split("\\?")[0] : "/";
		respond(connection.getOutputStream(), method, path);
	}

	private void respond(OutputStream out, String method, String path) throws IOException {
		String server = String.format(SERVER, SERVER_ID, "ACTIVE");
		switch (method + " " + path) {
			case "POST /api/v1/auth/tokens" ->
				write(out, 201,
						"{\"token\":\"gAAAA-training\","
								+ "\"expires_at\":\"2999-01-01T00:00:00Z\",\"user\":\"demo\",\"project\":\"demo\"}",
						"");
			case "GET /api/v1/flavors" -> write(out, 200, FLAVORS, "");
			case "GET /api/v1/images" -> write(out, 200, IMAGES, "");
			case "GET /api/v1/networks" -> write(out, 200, NETWORKS, "");
			case "GET /api/v1/launch-options" -> write(out, 200,
					"{\"flavors\":" + FLAVORS + ",\"images\":" + IMAGES + ",\"networks\":" + NETWORKS + "}", "");
			case "GET /api/v1/servers" -> write(out, 200, "[" + server + "]",
					"Link: </api/v1/servers?limit=1&marker=" + SERVER_ID + ">; rel=\"next\"\r\n");
			case "POST /api/v1/servers" -> write(out, 202, "[" + String.format(SERVER, SERVER_ID, "BUILD") + "]", "");
			default -> {
				String id = path.substring(path.lastIndexOf('/') + 1);
				if (method.equals("DELETE") && !this.deleted.contains(id) && id.equals(SERVER_ID)) {
					this.deleted.add(id);
					write(out, 202, "", "");
				}
				else if (method.equals("GET") && id.equals(SERVER_ID) && !this.deleted.contains(id)) {
					write(out, 200, server, "");
				}
				else {
					write(out, 404, NOT_FOUND, "");
				}
			}
		}
	}

	private static void write(OutputStream out, int status, String body, String headers) throws IOException {
		byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
		String contentType = (status >= 400) ? "application/problem+json" : "application/json";
		String head = "HTTP/1.1 " + status + " Canned\r\nContent-Type: " + contentType + "\r\nContent-Length: "
				+ bytes.length + "\r\nConnection: close\r\n" + headers + "\r\n";
		out.write(head.getBytes(StandardCharsets.US_ASCII));
		out.write(bytes);
		out.flush();
	}

	@Override
	public void close() throws IOException {
		this.socket.close();
	}

}
