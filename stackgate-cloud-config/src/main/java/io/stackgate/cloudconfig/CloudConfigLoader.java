package io.stackgate.cloudconfig;

import java.io.IOException;
import java.io.Reader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.constructor.SafeConstructor;
import org.yaml.snakeyaml.error.YAMLException;

/**
 * Reads the cloud to talk to the way python-openstackclient does.
 * <ol>
 * <li>{@code OS_CLOUD} set: that entry of the first {@code clouds.yaml} found at
 * {@code OS_CLIENT_CONFIG_FILE}, {@code ./clouds.yaml},
 * {@code ~/.config/openstack/clouds.yaml} or {@code /etc/openstack/clouds.yaml}, merged
 * with the same entry of the first {@code secure.yaml} found at
 * {@code OS_CLIENT_SECURE_FILE} or in the same directories. {@code OS_*} variables are
 * ignored then.</li>
 * <li>Otherwise the {@code OS_AUTH_URL}, {@code OS_USERNAME}, {@code OS_PASSWORD},
 * {@code OS_PROJECT_NAME} / {@code OS_PROJECT_ID}, ... variables of an openrc file.</li>
 * </ol>
 */
public final class CloudConfigLoader {

	private final Map<String, String> env;

	private final List<Path> searchDirectories;

	/**
	 * @param env the process environment
	 * @param workingDirectory the directory searched first
	 * @param home the user's home directory
	 */
	public CloudConfigLoader(Map<String, String> env, Path workingDirectory, Path home) {
		this.env = env;
		this.searchDirectories = List.of(workingDirectory, home.resolve(".config/openstack"),
				Path.of("/etc/openstack"));
	}

	/**
	 * A loader for this process: its environment, working directory and home directory.
	 */
	public static CloudConfigLoader forThisProcess() {
		return new CloudConfigLoader(System.getenv(), Path.of("").toAbsolutePath(),
				Path.of(System.getProperty("user.home")));
	}

	/**
	 * @return the configured cloud
	 * @throws CloudConfigException when no cloud is configured or its configuration is
	 * incomplete
	 */
	public CloudConfig load() {
		String cloud = this.env.get("OS_CLOUD");
		if (hasText(cloud)) {
			return fromCloudsYaml(cloud);
		}
		if (hasText(this.env.get("OS_AUTH_URL"))) {
			return fromEnvironment();
		}
		throw new CloudConfigException("No OpenStack cloud configured: set OS_CLOUD (and a clouds.yaml) "
				+ "or OS_AUTH_URL, OS_USERNAME, OS_PASSWORD and OS_PROJECT_NAME");
	}

	/**
	 * Another entry of the same clouds.yaml (and secure.yaml), whatever {@code OS_CLOUD}
	 * says: for example {@code devcloud-admin} beside {@code devcloud}.
	 * @param cloud the entry's name
	 * @return that cloud
	 * @throws CloudConfigException when there is no such entry or its configuration is
	 * incomplete
	 */
	public CloudConfig loadCloud(String cloud) {
		return fromCloudsYaml(cloud);
	}

	private CloudConfig fromCloudsYaml(String cloud) {
		Path cloudsFile = firstExisting("OS_CLIENT_CONFIG_FILE", "clouds.yaml")
			.orElseThrow(() -> new CloudConfigException("OS_CLOUD is '" + cloud + "' but no clouds.yaml was found in "
					+ describeSearchPath("OS_CLIENT_CONFIG_FILE", "clouds.yaml")));
		Map<String, Object> entry = cloudEntry(cloudsFile, cloud).orElseThrow(() -> new CloudConfigException(
				"Cloud '" + cloud + "' is not defined in " + cloudsFile + " (OS_CLOUD)"));
		Optional<Path> secureFile = firstExisting("OS_CLIENT_SECURE_FILE", "secure.yaml");
		if (secureFile.isPresent()) {
			cloudEntry(secureFile.get(), cloud).ifPresent((secure) -> deepMerge(entry, secure));
		}
		Map<String, Object> auth = section(entry, "auth");
		String source = "cloud '" + cloud + "' in " + cloudsFile;
		return build(source, new Settings() {
			@Override
			public String auth(String key) {
				return string(auth.get(key));
			}

			@Override
			public String cloud(String key) {
				return string(entry.get(key));
			}
		});
	}

	private CloudConfig fromEnvironment() {
		return build("OS_* environment variables", new Settings() {
			@Override
			public String auth(String key) {
				return CloudConfigLoader.this.env.get("OS_" + key.toUpperCase(java.util.Locale.ROOT));
			}

			@Override
			public String cloud(String key) {
				return CloudConfigLoader.this.env.get("OS_" + key.toUpperCase(java.util.Locale.ROOT));
			}
		});
	}

	private static CloudConfig build(String source, Settings settings) {
		List<String> missing = new ArrayList<>();
		String authUrl = required(settings.auth("auth_url"), "auth_url", missing);
		String username = required(settings.auth("username"), "username", missing);
		String password = required(settings.auth("password"), "password", missing);
		String projectName = settings.auth("project_name");
		String projectId = settings.auth("project_id");
		if (projectName == null && projectId == null) {
			missing.add("project_name or project_id");
		}
		if (!missing.isEmpty()) {
			throw new CloudConfigException(
					"Incomplete OpenStack credentials in " + source + ": missing " + String.join(", ", missing));
		}
		DomainRef anyDomain = DomainRef.of(settings.auth("domain_id"), settings.auth("domain_name"));
		DomainRef userDomain = Objects.requireNonNullElse(
				DomainRef.of(settings.auth("user_domain_id"), settings.auth("user_domain_name")),
				Objects.requireNonNullElse(anyDomain, DomainRef.DEFAULT));
		DomainRef projectDomain = Objects.requireNonNullElse(
				DomainRef.of(settings.auth("project_domain_id"), settings.auth("project_domain_name")),
				Objects.requireNonNullElse(anyDomain, DomainRef.DEFAULT));
		String endpointInterface = Objects.requireNonNullElse(settings.cloud("interface"), "public");
		String caCert = settings.cloud("cacert");
		// As the openstack client: "verify: false", or the older "insecure: true"
		// (OS_INSECURE).
		boolean verify = !"false".equalsIgnoreCase(settings.cloud("verify"))
				&& !"true".equalsIgnoreCase(settings.cloud("insecure"));
		return new CloudConfig(source, authUrl, username, password, userDomain, projectName, projectId, projectDomain,
				settings.cloud("region_name"), endpointInterface, (caCert != null) ? Path.of(caCert) : null, verify);
	}

	private Optional<Path> firstExisting(String variable, String fileName) {
		return candidates(variable, fileName).stream().filter(Files::isRegularFile).findFirst();
	}

	private String describeSearchPath(String variable, String fileName) {
		return candidates(variable, fileName).stream().map(Path::toString).toList().toString();
	}

	private List<Path> candidates(String variable, String fileName) {
		List<Path> candidates = new ArrayList<>();
		if (hasText(this.env.get(variable))) {
			candidates.add(Path.of(this.env.get(variable)));
		}
		this.searchDirectories.forEach((directory) -> candidates.add(directory.resolve(fileName)));
		return candidates;
	}

	private static Optional<Map<String, Object>> cloudEntry(Path file, String cloud) {
		Map<String, Object> clouds = section(readYaml(file), "clouds");
		Object entry = clouds.get(cloud);
		if (entry == null) {
			return Optional.empty();
		}
		if (!(entry instanceof Map)) {
			throw new CloudConfigException("Cloud '" + cloud + "' in " + file + " is not a mapping");
		}
		return Optional.of(copy(entry));
	}

	private static Map<String, Object> readYaml(Path file) {
		try (Reader reader = Files.newBufferedReader(file)) {
			Object document = new Yaml(new SafeConstructor(new LoaderOptions())).load(reader);
			return (document instanceof Map) ? copy(document) : new LinkedHashMap<>();
		}
		catch (IOException | YAMLException ex) {
			throw new CloudConfigException(
					"Cannot read " + file + ": " + ex.getMessage().lines().findFirst().orElse(""));
		}
	}

	@SuppressWarnings("unchecked")
	private static Map<String, Object> copy(Object map) {
		Map<String, Object> copy = new LinkedHashMap<>();
		((Map<Object, Object>) map)
			.forEach((key, value) -> copy.put(String.valueOf(key), (value instanceof Map) ? copy(value) : value));
		return copy;
	}

	private static Map<String, Object> section(Map<String, Object> map, String key) {
		Object value = map.get(key);
		return (value instanceof Map) ? copy(value) : new LinkedHashMap<>();
	}

	@SuppressWarnings("unchecked")
	private static void deepMerge(Map<String, Object> target, Map<String, Object> overrides) {
		overrides.forEach((key, value) -> {
			if (value instanceof Map && target.get(key) instanceof Map) {
				deepMerge((Map<String, Object>) target.get(key), (Map<String, Object>) value);
			}
			else {
				target.put(key, value);
			}
		});
	}

	private static String required(String value, String name, List<String> missing) {
		if (!hasText(value)) {
			missing.add(name);
		}
		return value;
	}

	private static String string(Object value) {
		return (value != null) ? String.valueOf(value) : null;
	}

	private static boolean hasText(String value) {
		return value != null && !value.isBlank();
	}

	/** One lookup per clouds.yaml key, whatever the source. */
	private interface Settings {

		String auth(String key);

		String cloud(String key);

	}

}
