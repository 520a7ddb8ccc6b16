package io.stackgate.cli.json;

import java.math.BigDecimal;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.FutureTask;
import java.util.stream.Stream;

import org.assertj.core.api.InstanceOfAssertFactories;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.entry;
import static org.junit.jupiter.params.provider.Arguments.arguments;

/**
 * {@link JsonParser} at the edges of its contract: what RFC 8259 does not allow is
 * refused with a {@link JsonException} naming the offset of the offending character, and
 * what the RFC leaves open reads as the gateway's Jackson reads it. The cases marked
 * "found" are inputs {@code JsonParserFuzzTests} found accepted before the parser was
 * fixed.
 */
class JsonParserTests {

	static Stream<Arguments> malformed() {
		return Stream.of(
				// Truncated.
				arguments("", "unexpected end of input at offset 0"),
				arguments("  ", "unexpected end of input at offset 2"), arguments("{\"a\"", "expected ':' at offset 4"),
				arguments("{\"a\":1", "expected ',' or '}' at offset 6"),
				arguments("[1,", "unexpected end of input at offset 3"),
				arguments("\"abc", "unexpected end of input at offset 4"),
				arguments("\"\\u12", "truncated \\u escape at offset 3"),
				arguments("tru", "unexpected token at offset 0"), arguments("-", "expected a digit at offset 1"),
				arguments("1e+", "expected a digit at offset 3"),
				// Trailing garbage.
				arguments("{} x", "unexpected text after the JSON value at offset 3"),
				arguments("1 2", "unexpected text after the JSON value at offset 2"),
				arguments("[]]", "unexpected text after the JSON value at offset 2"),
				arguments("nullx", "unexpected text after the JSON value at offset 4"),
				arguments("0x10", "unexpected text after the JSON value at offset 1"),
				// Escapes: four ASCII hex digits, nothing else.
				arguments("\"\\x\"", "invalid escape '\\x' at offset 2"),
				arguments("\"\\U0041\"", "invalid escape '\\U' at offset 2"),
				arguments("\"\\u12g4\"", "invalid \\u escape at offset 5"),
				arguments("\"\\u+041\"", "invalid \\u escape at offset 3"), // found
				arguments("\"\\u-001\"", "invalid \\u escape at offset 3"), // found
				// Arabic-Indic digits (Jackson 3.1.4 reads these as \uABCD: no oracle
				// here).
				arguments("\"\\u\u0661\u0662\u0663\u0664\"", "invalid \\u escape at offset 3"),
				// Control characters, and whitespace that JSON does not know.
				arguments("\"a\u0001\"", "control character in a string at offset 2"),
				arguments("\"a\nb\"", "control character in a string at offset 2"),
				arguments("\f[]", "unexpected character '\f' at offset 0"),
				arguments("\u00a0[]", "unexpected character '\u00a0' at offset 0"),
				// Numbers.
				arguments("6.", "expected a digit at offset 2"), // found
				arguments("-.5", "expected a digit at offset 1"), // found
				arguments("5.E+321", "expected a digit at offset 2"), // found
				arguments("02", "leading zero in a number at offset 1"), // found
				arguments("-07", "leading zero in a number at offset 2"), // found
				arguments("+1", "unexpected character '+' at offset 0"),
				arguments("1.5.5", "unexpected text after the JSON value at offset 3"),
				arguments("NaN", "unexpected character 'N' at offset 0"),
				arguments("-Infinity", "expected a digit at offset 1"),
				arguments("1e2147483648", "number out of range '1e2147483648' at offset 0"),
				// Structure.
				arguments("{\"a\":1,}", "expected a property name at offset 7"),
				arguments("[1,]", "unexpected character ']' at offset 3"),
				arguments("[,1]", "unexpected character ',' at offset 1"),
				arguments("{1:2}", "expected a property name at offset 1"),
				arguments("{'a':1}", "expected a property name at offset 1"),
				arguments("{\"a\" 1}", "expected ':' at offset 5"),
				arguments("[1 2]", "expected ',' or ']' at offset 3"),
				arguments("{\"a\":1 \"b\":2}", "expected ',' or '}' at offset 7"));
	}

	@ParameterizedTest(name = "{0}")
	@MethodSource("malformed")
	void refusesWhatIsNotJsonSayingWhere(String text, String message) {
		assertThatThrownBy(() -> JsonParser.parse(text)).isInstanceOf(JsonException.class).hasMessage(message);
	}

	@Test
	void keepsNumbersExactHoweverLarge() {
		assertThat(JsonParser.parse("-0")).isEqualTo(0L);
		assertThat(JsonParser.parse("9007199254740993")).isEqualTo(9_007_199_254_740_993L);
		assertThat(JsonParser.parse("123456789012345678901234567890"))
			.isEqualTo(new BigDecimal("123456789012345678901234567890"));
		assertThat(JsonParser.parse("-1.5e400")).isEqualTo(new BigDecimal("-1.5e400"));
		assertThat(JsonParser.parse("[0.1, 1E-7, 2e+3]"))
			.isEqualTo(List.of(new BigDecimal("0.1"), new BigDecimal("1E-7"), new BigDecimal("2e+3")));
		String digits = "9".repeat(10_000);
		assertThat(JsonParser.parse(digits)).isEqualTo(new BigDecimal(digits));
	}

	@Test
	void ofANameGivenTwiceTheLastValueWinsInTheFirstOnesPlace() {
		assertThat(JsonParser.parse("{\"a\":1,\"b\":2,\"a\":3}"))
			.asInstanceOf(InstanceOfAssertFactories.map(String.class, Object.class))
			.containsExactly(entry("a", 3L), entry("b", 2L));
	}

	@Test
	void keepsEscapedSurrogatesAsTheyAre() {
		assertThat(JsonParser.parse("\"\\ud83d\\ude00\"")).isEqualTo("\ud83d\ude00");
		assertThat(JsonParser.parse("\"\\ud800x\\udc00\"")).isEqualTo("\ud800x\udc00");
		assertThat(JsonParser.parse("\"\\uDBFF\"")).isEqualTo("\udbff");
	}

	@Test
	void nestsFiveHundredLevelsOnTheCliStackAndRefusesMore() throws Exception {
		String deepest = "[{\"a\":".repeat(250) + "1" + "}]".repeat(250);
		assertThat(onCliStack(() -> JsonParser.parse(deepest))).isInstanceOf(List.class);
		for (String tooDeep : new String[] { "[".repeat(501), "{\"a\":".repeat(100_000) }) {
			assertThat(onCliStack(() -> {
				try {
					return JsonParser.parse(tooDeep);
				}
				catch (JsonException ex) {
					return ex.getMessage();
				}
			})).asString().startsWith("nested deeper than 500 levels at offset ");
		}
	}

	/** Runs on a thread with the stack {@code bin/stackgate} gives the CLI (-Xss512k). */
	private static Object onCliStack(Callable<Object> parse) throws InterruptedException, ExecutionException {
		FutureTask<Object> task = new FutureTask<>(parse);
		Thread thread = new Thread(null, task, "xss512k", 512 * 1024);
		thread.start();
		return task.get();
	}

}
