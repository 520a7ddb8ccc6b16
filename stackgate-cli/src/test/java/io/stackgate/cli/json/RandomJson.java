package io.stackgate.cli.json;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;

/**
 * Random JSON values and random edits of JSON text, for the parser's generated tests:
 * seeded, so that a failure repeats, and bounded in depth and size.
 */
final class RandomJson {

	/**
	 * Characters a string may hold: escapes, control characters, non-ASCII, surrogates.
	 */
	private static final String ODD_CHARS = "\"\\/\b\f\n\r\t\u0000\u001f\u007f é中\u2028\u2029\ufeff\ud800\udfff";

	/** What an edit inserts: JSON's own syntax and what comes close to it. */
	private static final String SYNTAX = "{}[]\":,\\/-+.eE0123456789 \t\n\rtrufalsn\u0000\u00a0\ud83d\ude00x";

	private final Random random;

	RandomJson(long seed) {
		this.random = new Random(seed);
	}

	/**
	 * A random value: maps, lists, strings, numbers of every size and form, booleans and
	 * null.
	 * @param depth how many more levels of maps and lists it may have
	 * @return the value, as Jackson serializes it
	 */
	Object value(int depth) {
		return switch (this.random.nextInt((depth > 0) ? 8 : 6)) {
			case 0, 1 -> string();
			case 2, 3 -> number();
			case 4 -> this.random.nextBoolean();
			case 5 -> null;
			case 6 -> object(depth - 1);
			default -> array(depth - 1);
		};
	}

	/**
	 * One to three random edits of a text: a character deleted, inserted or replaced, a
	 * slice repeated, or the end cut off.
	 * @param text valid JSON
	 * @return the edited text, most often not JSON any more
	 */
	String mutate(String text) {
		String result = text;
		int edits = 1 + this.random.nextInt(3);
		for (int i = 0; i < edits && !result.isEmpty(); i++) {
			int at = this.random.nextInt(result.length());
			char c = SYNTAX.charAt(this.random.nextInt(SYNTAX.length()));
			result = switch (this.random.nextInt(5)) {
				case 0 -> result.substring(0, at) + result.substring(at + 1);
				case 1 -> result.substring(0, at) + c + result.substring(at);
				case 2 -> result.substring(0, at) + c + result.substring(at + 1);
				case 3 -> result.substring(0, at) + result.substring(this.random.nextInt(at + 1));
				default -> result.substring(0, at);
			};
		}
		return result;
	}

	private Map<String, Object> object(int depth) {
		Map<String, Object> object = new LinkedHashMap<>();
		int size = this.random.nextInt(5);
		for (int i = 0; i < size; i++) {
			object.put(string(), value(depth));
		}
		return object;
	}

	private List<Object> array(int depth) {
		List<Object> array = new ArrayList<>();
		int size = this.random.nextInt(5);
		for (int i = 0; i < size; i++) {
			array.add(value(depth));
		}
		return array;
	}

	private String string() {
		StringBuilder sb = new StringBuilder();
		int length = this.random.nextInt(10);
		for (int i = 0; i < length; i++) {
			if (this.random.nextInt(3) == 0) {
				sb.append(ODD_CHARS.charAt(this.random.nextInt(ODD_CHARS.length())));
			}
			else {
				sb.append((char) (' ' + this.random.nextInt(95)));
			}
		}
		return sb.toString();
	}

	private Number number() {
		return switch (this.random.nextInt(6)) {
			case 0 -> this.random.nextInt(2000) - 1000;
			case 1 -> this.random.nextLong();
			case 2 -> new BigInteger(40 + this.random.nextInt(60), this.random).negate();
			case 3 -> new BigDecimal(new BigInteger(64, this.random), this.random.nextInt(40) - 20);
			case 4 -> new BigDecimal(BigInteger.valueOf(this.random.nextInt(1000)), -300 - this.random.nextInt(200));
			default -> finiteDouble();
		};
	}

	private double finiteDouble() {
		double value = Double.longBitsToDouble(this.random.nextLong());
		return Double.isFinite(value) ? value : this.random.nextGaussian();
	}

}
