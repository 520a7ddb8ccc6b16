package io.stackgate.cli.json;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Parses RFC 8259 JSON text into a tree of {@link Map} (insertion-ordered), {@link List},
 * {@link String}, {@link Long} or {@link BigDecimal}, {@link Boolean} and {@code null}.
 * Anything else is refused with a {@link JsonException} that gives the offset. Where the
 * RFC leaves it open, it reads as the gateway's Jackson 3 does: of a name given twice the
 * last value wins (in the first one's place); an escaped lone surrogate is kept; a number
 * is exact, however long, unless its exponent is beyond an {@code int}; nesting ends at
 * {@value #MAX_DEPTH} levels, which a 512 KiB thread stack (the CLI's) holds.
 */
final class JsonParser {

	/** How deep objects and arrays may nest: Jackson 3's default limit. */
	static final int MAX_DEPTH = 500;

	private final String text;

	private int pos;

	private JsonParser(String text) {
		this.text = text;
	}

	static Object parse(String text) {
		JsonParser parser = new JsonParser(text);
		parser.skipWhitespace();
		Object value = parser.readValue(0);
		parser.skipWhitespace();
		if (parser.pos != text.length()) {
			throw parser.error("unexpected text after the JSON value");
		}
		return value;
	}

	private Object readValue(int depth) {
		char c = peek();
		return switch (c) {
			case '{' -> readObject(nested(depth));
			case '[' -> readArray(nested(depth));
			case '"' -> readString();
			case 't' -> readLiteral("true", Boolean.TRUE);
			case 'f' -> readLiteral("false", Boolean.FALSE);
			case 'n' -> readLiteral("null", null);
			case '-', '0', '1', '2', '3', '4', '5', '6', '7', '8', '9' -> readNumber();
			default -> throw error("unexpected character '" + c + "'");
		};
	}

	private int nested(int depth) {
		if (depth == MAX_DEPTH) {
			throw error("nested deeper than " + MAX_DEPTH + " levels");
		}
		return depth + 1;
	}

	private Map<String, Object> readObject(int depth) {
		Map<String, Object> object = new LinkedHashMap<>();
		this.pos++;
		skipWhitespace();
		if (skip('}')) {
			return object;
		}
		while (true) {
			skipWhitespace();
			if (peek() != '"') {
				throw error("expected a property name");
			}
			String name = readString();
			skipWhitespace();
			if (!skip(':')) {
				throw error("expected ':'");
			}
			skipWhitespace();
			object.put(name, readValue(depth));
			skipWhitespace();
			if (skip('}')) {
				return object;
			}
			if (!skip(',')) {
				throw error("expected ',' or '}'");
			}
		}
	}

	private List<Object> readArray(int depth) {
		List<Object> array = new ArrayList<>();
		this.pos++;
		skipWhitespace();
		if (skip(']')) {
			return array;
		}
		while (true) {
			skipWhitespace();
			array.add(readValue(depth));
			skipWhitespace();
			if (skip(']')) {
				return array;
			}
			if (!skip(',')) {
				throw error("expected ',' or ']'");
			}
		}
	}

	private String readString() {
		this.pos++;
		StringBuilder sb = new StringBuilder();
		while (true) {
			char c = next();
			if (c == '"') {
				return sb.toString();
			}
			if (c == '\\') {
				char e = next();
				switch (e) {
					case '"', '\\', '/' -> sb.append(e);
					case 'b' -> sb.append('\b');
					case 'f' -> sb.append('\f');
					case 'n' -> sb.append('\n');
					case 'r' -> sb.append('\r');
					case 't' -> sb.append('\t');
					case 'u' -> sb.append(readHexChar());
					default -> throw error("invalid escape '\\" + e + "'", this.pos - 1);
				}
			}
			else if (c < 0x20) {
				throw error("control character in a string", this.pos - 1);
			}
			else {
				sb.append(c);
			}
		}
	}

	private char readHexChar() {
		if (this.pos + 4 > this.text.length()) {
			throw error("truncated \\u escape");
		}
		int value = 0;
		for (int end = this.pos + 4; this.pos < end; this.pos++) {
			char c = this.text.charAt(this.pos);
			// ASCII only: Character.digit also takes the digits of other scripts.
			int digit = (c <= 'f') ? Character.digit(c, 16) : -1;
			if (digit < 0) {
				throw error("invalid \\u escape");
			}
			value = value * 16 + digit;
		}
		return (char) value;
	}

	private Object readNumber() {
		int start = this.pos;
		skip('-');
		if (!skip('0')) {
			digits();
		}
		else if (isDigit()) {
			throw error("leading zero in a number");
		}
		boolean integral = true;
		if (skip('.')) {
			integral = false;
			digits();
		}
		if (skip('e') || skip('E')) {
			integral = false;
			if (!skip('+')) {
				skip('-');
			}
			digits();
		}
		String number = this.text.substring(start, this.pos);
		if (integral && number.length() < 19) {
			return Long.parseLong(number);
		}
		try {
			return new BigDecimal(number);
		}
		catch (NumberFormatException ex) {
			this.pos = start;
			throw error("number out of range '" + number + "'");
		}
	}

	private void digits() {
		if (!isDigit()) {
			throw error("expected a digit");
		}
		while (isDigit()) {
			this.pos++;
		}
	}

	private boolean isDigit() {
		return this.pos < this.text.length() && this.text.charAt(this.pos) >= '0' && this.text.charAt(this.pos) <= '9';
	}

	private boolean skip(char c) {
		if (this.pos < this.text.length() && this.text.charAt(this.pos) == c) {
			this.pos++;
			return true;
		}
		return false;
	}

	private Object readLiteral(String literal, Object value) {
		if (!this.text.startsWith(literal, this.pos)) {
			throw error("unexpected token");
		}
		this.pos += literal.length();
		return value;
	}

	private void skipWhitespace() {
		while (this.pos < this.text.length() && " \t\n\r".indexOf(this.text.charAt(this.pos)) >= 0) {
			this.pos++;
		}
	}

	private char peek() {
		if (this.pos >= this.text.length()) {
			throw error("unexpected end of input");
		}
		return this.text.charAt(this.pos);
	}

	private char next() {
		char c = peek();
		this.pos++;
		return c;
	}

	private JsonException error(String message) {
		return error(message, this.pos);
	}

	private JsonException error(String message, int offset) {
		return new JsonException(message + " at offset " + offset);
	}

}
