package io.stackgate.testing.hostile;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;

/**
 * The body framed another way than by its Content-Length: a transfer coding (the body
 * chunked when the coding list ends with chunked), a length and a coding at once, two
 * lengths, a length that is no number, a second request or garbage right after the body
 * on the same connection, an {@code Expect}.
 */
final class FramingMutations {

	private final Choices choices;

	FramingMutations(Choices choices) {
		this.choices = choices;
	}

	List<HostileRequest> framing(RequestDraft valid) {
		RequestDraft copy = valid.copy();
		byte[] body = (copy.body() != null) ? copy.body() : new byte[0];
		String length = Integer.toString(body.length);
		String framing = switch (this.choices.nextInt(6)) {
			case 0 -> {
				String coding = this.choices.pick(Mutations.TRANSFER_CODINGS);
				copy.headers.add(new String[] { "Transfer-Encoding", coding });
				copy.rawBody = coding.toLowerCase(Locale.ROOT).endsWith("chunked") ? chunked(body) : body;
				yield "transfer-encoding " + coding;
			}
			case 1 -> {
				copy.headers.add(new String[] { "Content-Length", length });
				copy.headers.add(new String[] { "Transfer-Encoding", "chunked" });
				copy.rawBody = chunked(body);
				yield "content-length and transfer-encoding";
			}
			case 2 -> {
				copy.headers.add(new String[] { "Content-Length", length });
				copy.headers.add(new String[] { "Content-Length", Integer.toString(body.length + 1) });
				copy.rawBody = body;
				yield "two content-lengths";
			}
			case 3 -> {
				String bad = this.choices.pick(Mutations.BAD_LENGTHS);
				copy.headers.add(new String[] { "Content-Length", bad });
				copy.rawBody = body;
				yield "content-length '" + bad + "'";
			}
			case 4 -> {
				String after = this.choices.pick(List.of("GET /api/v1/flavors HTTP/1.1\r\nHost: x\r\n\r\n",
						"GARBAGE\r\n\r\n", "\u0000\u0001\u00ff", "GET /nope\r\n"));
				copy.headers.add(new String[] { "Content-Length", length });
				copy.rawBody = concat(body, after.getBytes(StandardCharsets.ISO_8859_1));
				yield "bytes after the request: " + after.strip();
			}
			default -> {
				String expectation = this.choices.pick(List.of("100-continue", "something-else"));
				copy.headers.add(new String[] { "Expect", expectation });
				yield "expect " + expectation;
			}
		};
		return List.of(copy.build("framing: " + framing));
	}

	private static byte[] chunked(byte[] body) {
		String size = Integer.toHexString(body.length);
		byte[] head = (body.length > 0) ? (size + "\r\n").getBytes(StandardCharsets.ISO_8859_1) : new byte[0];
		byte[] tail = ((body.length > 0) ? "\r\n0\r\n\r\n" : "0\r\n\r\n").getBytes(StandardCharsets.ISO_8859_1);
		return concat(concat(head, body), tail);
	}

	private static byte[] concat(byte[] first, byte[] second) {
		byte[] both = Arrays.copyOf(first, first.length + second.length);
		System.arraycopy(second, 0, both, first.length, second.length);
		return both;
	}

}
