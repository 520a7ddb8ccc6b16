package io.stackgate.dist;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.TreeSet;
import java.util.jar.JarFile;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

import org.junit.jupiter.api.Test;
import org.yaml.snakeyaml.Yaml;
import tools.jackson.databind.JsonNode;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The commented /etc/stackgate/stackgate.yaml the package and the image ship names
 * exactly the stackgate.* options the server declares (its
 * spring-configuration-metadata.json): no option undocumented, no stale one;
 * docs/deploy.md tables each with its environment variable.
 */
class ConfigSampleIT {

	/**
	 * "#" directly followed by YAML: the top key, or an indented key. "# " starts prose.
	 */
	private static final Pattern SETTING = Pattern.compile("^#([a-z][\\w.-]*:.*|\\s{2,}(- )?[a-z][\\w.-]*:.*)$");

	@Test
	void sampleConfigListsEveryServerOptionAndNoOther() throws IOException {
		Path sample = Dist.repo().resolve("deploy/etc/stackgate.yaml");
		String yaml = Files.readAllLines(sample)
			.stream()
			.filter((l) -> SETTING.matcher(l).matches())
			.map((l) -> l.substring(1))
			.collect(Collectors.joining("\n"));
		Map<String, Object> doc = new Yaml().load(yaml);
		TreeSet<String> documented = new TreeSet<>();
		flatten("", doc.get("stackgate"), documented);

		TreeSet<String> declared = declared();
		assertThat(declared).as("the server declares stackgate.* options (configuration metadata)").isNotEmpty();
		assertThat(documented).as("options in %s", sample).containsExactlyElementsOf(declared);
	}

	@Test
	void deployGuideTablesEveryServerOptionWithItsEnvironmentVariable() throws IOException {
		String guide = Files.readString(Dist.repo().resolve("docs/deploy.md"));
		for (String name : declared()) {
			String property = "stackgate." + name;
			// Spring's environment form: upper case, "." to "_", "-" dropped
			String env = property.toUpperCase().replace('.', '_').replace("-", "");
			assertThat(guide).as("docs/deploy.md names %s", property).contains("`" + property + "`");
			if (!name.equals("auth.api-keys")) {
				assertThat(guide).as("docs/deploy.md names %s", env).contains("`" + env + "`");
			}
		}
	}

	private static TreeSet<String> declared() throws IOException {
		TreeSet<String> declared = new TreeSet<>();
		for (JsonNode p : metadata().path("properties")) {
			String name = p.path("name").asString();
			if (name.startsWith("stackgate.")) {
				declared.add(name.substring("stackgate.".length()));
			}
		}
		return declared;
	}

	private static JsonNode metadata() throws IOException {
		Path jar = Dist.repo().resolve("stackgate-server/target/stackgate-server.jar");
		try (JarFile file = new JarFile(jar.toFile())) {
			// Boot's repackaged jar keeps it at the top (META-INF/); older layouts under
			// BOOT-INF/classes/
			var entry = file.getJarEntry("META-INF/spring-configuration-metadata.json");
			if (entry == null) {
				entry = file.getJarEntry("BOOT-INF/classes/META-INF/spring-configuration-metadata.json");
			}
			assertThat(entry).as("configuration metadata in %s (spring-boot-configuration-processor)", jar).isNotNull();
			try (InputStream in = file.getInputStream(entry)) {
				return Cloud.JSON.readTree(in);
			}
		}
	}

	@SuppressWarnings("unchecked")
	private static void flatten(String prefix, Object node, TreeSet<String> into) {
		if (node instanceof Map<?, ?> map && !map.isEmpty()) {
			((Map<String, Object>) map).forEach((k, v) -> flatten(prefix.isEmpty() ? k : prefix + "." + k, v, into));
		}
		else if (!prefix.isEmpty()) {
			into.add(prefix);
		}
	}

}
