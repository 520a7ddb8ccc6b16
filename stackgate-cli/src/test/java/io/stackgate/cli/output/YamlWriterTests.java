package io.stackgate.cli.output;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Test;
import org.yaml.snakeyaml.Yaml;

import static org.assertj.core.api.Assertions.assertThat;

class YamlWriterTests {

	@ParameterizedTest
	@ValueSource(strings = { "", " ", "true", "False", "yes", "NO", "on", "off", "y", "n", "null", "~", "1", "-1",
			"1.5", "1e3", "0x1F", "0o17", "007", ".inf", "-.NaN", "2025-06-01", "2025-06-01T10:00:00Z", "a: b", "a #b",
			"#x", "- x", "-", "[x]", "{x}", "*x", "&x", "!x", "%x", "@x", "`x", "'x'", "\"x\"", "|", ">", "x ", " x",
			"a\nb", "tab\there", "fd00::5", "ü", "10.0.0.5", "m1.nano", "N/A (booted from volume)", "a,b", "12:30" })
	void everyStringReadsBackAsTheSameString(String value) {
		Map<String, Object> document = new LinkedHashMap<>();
		document.put("key", value);
		document.put("list", List.of(value));
		String yaml = YamlWriter.write(document);
		Map<String, Object> read = new Yaml().load(yaml);
		assertThat(read).as(yaml).isEqualTo(document);
	}

	@Test
	void plainWhereSafe() {
		assertThat(YamlWriter.scalar("10.0.0.5")).isEqualTo("10.0.0.5");
		assertThat(YamlWriter.scalar("m1.nano")).isEqualTo("m1.nano");
		assertThat(YamlWriter.scalar("3f0c8a52-1d0e-4b8e-9a57-5d0f1c9e2b10"))
			.isEqualTo("3f0c8a52-1d0e-4b8e-9a57-5d0f1c9e2b10");
		assertThat(YamlWriter.scalar("Min Disk")).isEqualTo("Min Disk");
		assertThat(YamlWriter.scalar("true")).isEqualTo("\"true\"");
	}

	@Test
	void nestedCollectionsAndEmptyOnes() {
		Map<String, Object> document = new LinkedHashMap<>();
		document.put("servers", List.of(Map.of("Networks", Map.of("private", List.of("10.0.0.5"))), List.of(1, 2)));
		document.put("empty", List.of());
		document.put("none", Map.of());
		document.put("nothing", null);
		document.put("flag", true);
		String yaml = YamlWriter.write(document);
		assertThat(yaml).isEqualTo("""
				servers:
				- Networks:
				    private:
				    - 10.0.0.5
				- - 1
				  - 2
				empty: []
				none: {}
				nothing: null
				flag: true
				""");
		assertThat((Object) new Yaml().load(yaml)).isEqualTo(document);
		assertThat(YamlWriter.write(List.of())).isEqualTo("[]\n");
	}

}
