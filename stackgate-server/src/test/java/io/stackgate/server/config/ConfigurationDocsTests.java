package io.stackgate.server.config;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.Locale;
import java.util.stream.Collectors;
import java.util.stream.StreamSupport;

import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Keeps docs/configuration.md true: its table of {@code stackgate.*} settings is the one
 * generated from the configuration metadata that the build derives from the
 * {@code @ConfigurationProperties} records of the features (AuthProperties,
 * ListenProperties, CatalogProperties, LaunchProperties, UpstreamProperties) and their
 * Javadoc.
 */
class ConfigurationDocsTests {

	private static final Path METADATA = Path.of("target/classes/META-INF/spring-configuration-metadata.json");

	private static final Path DOC = Path.of("../docs/configuration.md");

	private static final String BEGIN = "<!-- settings:begin (generated from the @ConfigurationProperties records; see ConfigurationDocsTests) -->";

	private static final String END = "<!-- settings:end -->";

	@Test
	void everySettingIsDocumentedWithItsTypeAndDefault() throws IOException {
		String table = table(JsonMapper.builder().build().readTree(Files.readString(METADATA)));
		String doc = Files.readString(DOC);
		int begin = doc.indexOf(BEGIN) + BEGIN.length();
		int end = doc.indexOf(END);
		String documented = doc.substring(begin, end).strip();
		if (!documented.equals(table)) {
			Path expected = Path.of("target/configuration.md");
			Files.writeString(expected, doc.substring(0, begin) + "\n" + table + "\n" + doc.substring(end));
			assertThat(documented)
				.as("docs/configuration.md is out of date; the generated version is in " + "stackgate-server/"
						+ expected + ": copy it to docs/configuration.md")
				.isEqualTo(table);
		}
	}

	private static String table(JsonNode metadata) {
		String rows = StreamSupport.stream(metadata.path("properties").spliterator(), false)
			.filter((property) -> property.path("name").asString().startsWith("stackgate."))
			.sorted(Comparator.comparing((JsonNode property) -> property.path("name").asString()))
			.map(ConfigurationDocsTests::row)
			.collect(Collectors.joining("\n"));
		return "| property | environment variable | type | default | meaning |\n| --- | --- | --- | --- | --- |\n"
				+ rows;
	}

	private static String row(JsonNode property) {
		String name = property.path("name").asString();
		// java.util.List<java.lang.String> is "List of String"; nested records and enums
		// go by their own name
		String type = property.path("type")
			.asString()
			.replaceAll("[\\w.]*\\.", "")
			.replaceAll("\\w+\\$", "")
			.replace("Integer", "int")
			.replace("<", " of ")
			.replace(">", "");
		String defaultValue = property.path("defaultValue").isMissingNode() ? ""
				: "`" + property.path("defaultValue").asString() + "`";
		String description = property.path("description").asString().replaceAll("\\{@code ([^}]*)}", "`$1`");
		return "| `" + name + "` | `" + environmentVariable(name) + "` | " + type + " | " + defaultValue + " | "
				+ description + " |";
	}

	/**
	 * Spring Boot's relaxed binding: dots become underscores, dashes go, all upper case.
	 */
	private static String environmentVariable(String name) {
		return name.replace('.', '_').replace("-", "").toUpperCase(Locale.ROOT);
	}

}
