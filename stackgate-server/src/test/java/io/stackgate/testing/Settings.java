package io.stackgate.testing;

import java.util.HashMap;
import java.util.Map;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.boot.context.properties.source.MapConfigurationPropertySource;

/**
 * Binds a {@code @ConfigurationProperties} record the way the gateway does, from property
 * names and values.
 */
public final class Settings {

	private Settings() {
	}

	/**
	 * @param type a {@code @ConfigurationProperties} record
	 * @param keyValues property names and values, alternately, for example
	 * {@code "stackgate.auth.mode", "none"}
	 * @return the record, with defaults for everything not given
	 */
	public static <T> T bind(Class<T> type, String... keyValues) {
		Map<String, String> map = new HashMap<>();
		for (int i = 0; i < keyValues.length; i += 2) {
			map.put(keyValues[i], keyValues[i + 1]);
		}
		String prefix = type.getAnnotation(ConfigurationProperties.class).value();
		return new Binder(new MapConfigurationPropertySource(map)).bindOrCreate(prefix, type);
	}

}
