package io.stackgate.testing.hostile;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;

/**
 * An HTTP/1.1 client that sends exactly the bytes it is given: raw request targets
 * ({@code %00}, {@code ..}), duplicate headers, control characters and non-ASCII bytes in
 * header values, oversized headers, any method. {@link java.net.http.HttpClient} refuses
 * most of those. One connection per request.
 */
public final class RawHttp {

	private final String host;

	private final int port;

	public RawHttp(String host, int port) {
		this.host = host;
		this.port = port;
	}

	public Response send(HostileRequest request) throws IOException {
		try (Socket socket = new Socket()) {
			socket.connect(new InetSocketAddress(this.host, this.port), 5000);
			socket.setSoTimeout(180_000);
			OutputStream out = socket.getOutputStream();
			ByteArrayOutputStream head = new ByteArrayOutputStream();
			if (request.version().isEmpty()) {
				line(head, request.method() + " " + request.target());
			}
			else {
				line(head, request.method() + " " + request.target() + " " + request.version());
				line(head, "Host: " + this.host + ":" + this.port);
				line(head, "Connection: close");
				for (String[] header : request.headers()) {
					line(head, header[0] + ": " + header[1]);
				}
				if (request.body() != null && !isFramed(request)) {
					line(head, "Content-Length: " + request.body().length);
				}
				line(head, "");
			}
			try {
				out.write(head.toByteArray());
				if (request.body() != null) {
					out.write(request.body());
				}
				out.flush();
			}
			catch (IOException ex) {
				// The server may answer and close before it has read everything (headers
				// over its limit):
				// its answer is still there to read.
			}
			return read(socket.getInputStream(), request.method().equals("HEAD"));
		}
	}

	/**
	 * @return whether the request's headers say how its body is framed: then the body is
	 * sent as it is, framed (or not) by the generator
	 */
	private static boolean isFramed(HostileRequest request) {
		return request.headers()
			.stream()
			.anyMatch((header) -> header[0].equalsIgnoreCase("Content-Length")
					|| header[0].equalsIgnoreCase("Transfer-Encoding"));
	}

	/** Header bytes are ISO-8859-1: one byte per character, as Tomcat reads them. */
	private static void line(ByteArrayOutputStream out, String line) {
		out.writeBytes(line.getBytes(StandardCharsets.ISO_8859_1));
		out.writeBytes(new byte[] { '\r', '\n' });
	}

	private static Response read(InputStream in, boolean head) throws IOException {
		byte[] all = in.readAllBytes();
		int end = indexOf(all, "\r\n\r\n".getBytes(StandardCharsets.ISO_8859_1));
		// An interim answer (100 Continue to an Expect) comes before the answer.
		while (end >= 0 && new String(all, 0, end, StandardCharsets.ISO_8859_1).matches("HTTP/1\\.1 1\\d\\d(?s).*")) {
			all = Arrays.copyOfRange(all, end + 4, all.length);
			end = indexOf(all, "\r\n\r\n".getBytes(StandardCharsets.ISO_8859_1));
		}
		if (end < 0 || !new String(all, 0, end, StandardCharsets.ISO_8859_1).startsWith("HTTP/")) {
			return new Response(-1, List.of(), new String(all, StandardCharsets.ISO_8859_1));
		}
		String[] lines = new String(all, 0, end, StandardCharsets.ISO_8859_1).split("\r\n");
		String[] statusLine = lines[0].split(" ", 3);
		int status = Integer.parseInt(statusLine[1]);
		List<String[]> headers = new ArrayList<>();
		for (int i = 1; i < lines.length; i++) {
			int colon = lines[i].indexOf(':');
			headers.add(new String[] { lines[i].substring(0, colon).trim(), lines[i].substring(colon + 1).trim() });
		}
		byte[] body = Arrays.copyOfRange(all, end + 4, all.length);
		Response response = new Response(status, headers, "");
		if (!head && "chunked".equalsIgnoreCase(response.header("Transfer-Encoding"))) {
			body = dechunk(body);
		}
		return new Response(status, headers, head ? "" : new String(body, StandardCharsets.UTF_8));
	}

	private static byte[] dechunk(byte[] body) {
		ByteArrayOutputStream out = new ByteArrayOutputStream();
		int at = 0;
		while (at < body.length) {
			int lineEnd = indexOf(body, at, new byte[] { '\r', '\n' });
			if (lineEnd < 0) {
				break;
			}
			String size = new String(body, at, lineEnd - at, StandardCharsets.ISO_8859_1).split(";")[0].trim();
			int length = Integer.parseInt(size, 16);
			if (length == 0) {
				break;
			}
			out.write(body, lineEnd + 2, Math.min(length, body.length - lineEnd - 2));
			at = lineEnd + 2 + length + 2;
		}
		return out.toByteArray();
	}

	private static int indexOf(byte[] haystack, byte[] needle) {
		return indexOf(haystack, 0, needle);
	}

	private static int indexOf(byte[] haystack, int from, byte[] needle) {
		outer: for (int i = from; i <= haystack.length - needle.length; i++) {
			for (int j = 0; j < needle.length; j++) {
				if (haystack[i + j] != needle[j]) {
					continue outer;
				}
			}
			return i;
		}
		return -1;
	}

	/**
	 * An answer.
	 *
	 * @param status the status, or -1 when the server closed the connection without a
	 * complete head
	 * @param headers the headers, in order
	 * @param body the body as text
	 */
	public record Response(int status, List<String[]> headers, String body) {

		public String header(String name) {
			return this.headers.stream()
				.filter((h) -> h[0].toLowerCase(Locale.ROOT).equals(name.toLowerCase(Locale.ROOT)))
				.map((h) -> h[1])
				.findFirst()
				.orElse(null);
		}

	}

}
