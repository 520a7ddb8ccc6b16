package io.stackgate.cli.json;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Parses RFC 8259 JSON text into a tree of {@link Map} (insertion-ordered), {@link List},
 * {@link String}, {@link Long} or {@link BigDecimal}, {@link Boolean} and {@code null}.
 */
final class JsonParser {

	private final String text;

	private int pos;

	private JsonParser(String text) {
		this.text = text;
	}

	static Object parse(String text) {
		JsonParser parser = new JsonParser(text);
		parser.skipWhitespace();
		Object value = parser.readValue();
		parser.skipWhitespace();
		if (parser.pos != text.length()) {
			throw parser.error("unexpected text after the JSON value");
		}
		return value;
	}

	private Object readValue() {
		if (this.pos >= this.text.length()) {
			throw error("unexpected end of input");
		}
		char c = this.text.charAt(this.pos);
		switch (c) {
			case '{':
				return readObject();
			case '[':
				return readArray();
			case '"':
				return readString();
			case 't':
				return readLiteral("true", Boolean.TRUE);
			case 'f':
				return readLiteral("false", Boolean.FALSE);
			case 'n':
				return readLiteral("null", null);
			default:
				if (c == '-' || (c >= '0' && c <= '9')) {
					return readNumber();
				}
				throw error("unexpected character '" + c + "'");
		}
	}

	private Map<String, Object> readObject() {
		Map<String, Object> object = new LinkedHashMap<>();
		this.pos++;
		skipWhitespace();
		if (peek() == '}') {
			this.pos++;
			return object;
		}
		while (true) {
			skipWhitespace();
			if (peek() != '"') {
				throw error("expected a property name");
			}
			String name = readString();
			skipWhitespace();
			expect(':');
			skipWhitespace();
			object.put(name, readValue());
			skipWhitespace();
			char c = next();
			if (c == '}') {
				return object;
			}
			if (c != ',') {
				throw error("expected ',' or '}'");
			}
		}
	}

	private List<Object> readArray() {
		List<Object> array = new ArrayList<>();
		this.pos++;
		skipWhitespace();
		if (peek() == ']') {
			this.pos++;
			return array;
		}
		while (true) {
			skipWhitespace();
			array.add(readValue());
			skipWhitespace();
			char c = next();
			if (c == ']') {
				return array;
			}
			if (c != ',') {
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
					default -> throw error("invalid escape '\\" + e + "'");
				}
			}
			else if (c < 0x20) {
				throw error("control character in a string");
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
		try {
			char c = (char) Integer.parseInt(this.text.substring(this.pos, this.pos + 4), 16);
			this.pos += 4;
			return c;
		}
		catch (NumberFormatException ex) {
			throw error("invalid \\u escape");
		}
	}

	private Object readNumber() {
		int start = this.pos;
		boolean integral = true;
		while (this.pos < this.text.length()) {
			char c = this.text.charAt(this.pos);
			if (c == '.' || c == 'e' || c == 'E') {
				integral = false;
			}
			else if (!(c == '-' || c == '+' || (c >= '0' && c <= '9'))) {
				break;
			}
			this.pos++;
		}
		String number = this.text.substring(start, this.pos);
		try {
			if (integral && number.length() < 19) {
				return Long.parseLong(number);
			}
			return new BigDecimal(number);
		}
		catch (NumberFormatException ex) {
			this.pos = start;
			throw error("invalid number '" + number + "'");
		}
	}

	private Object readLiteral(String literal, Object value) {
		if (!this.text.startsWith(literal, this.pos)) {
			throw error("unexpected token");
		}
		this.pos += literal.length();
		return value;
	}

	private void skipWhitespace() {
		while (this.pos < this.text.length()) {
			char c = this.text.charAt(this.pos);
			if (c != ' ' && c != '\t' && c != '\n' && c != '\r') {
				return;
			}
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

	private void expect(char expected) {
		if (next() != expected) {
			this.pos--;
			throw error("expected '" + expected + "'");
		}
	}

	private JsonException error(String message) {
		return new JsonException(message + " at offset " + this.pos);
	}

}
