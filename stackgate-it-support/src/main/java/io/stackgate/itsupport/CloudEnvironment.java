package io.stackgate.itsupport;

import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;

import io.stackgate.cloudconfig.CloudConfig;
import io.stackgate.cloudconfig.CloudConfigLoader;

/**
 * Which cloud the integration tests run against: the one {@code OS_CLOUD} or the
 * {@code OS_*} variables name, read by the gateway's own loader, and the second project
 * the multi-project tests need. Integration tests never skip: without a configured cloud
 * they fail, saying how to configure one.
 */
public final class CloudEnvironment {

	private CloudEnvironment() {
	}

	/**
	 * @return whether {@code OS_CLOUD} or {@code OS_AUTH_URL} names a cloud
	 */
	public static boolean configured() {
		return !blank(System.getenv("OS_CLOUD")) || !blank(System.getenv("OS_AUTH_URL"));
	}

	/**
	 * @param who what needs the cloud, for example {@code StackgateCliIT}
	 * @return the message an integration test fails with when no cloud is configured
	 */
	public static String howToConfigure(String who) {
		return who + " need a real cloud, and neither OS_CLOUD nor OS_AUTH_URL is set: run devcloud/up, then "
				+ "eval \"$(devcloud/env)\" (or set OS_CLOUD / OS_AUTH_URL for another cloud); bin/run-tests "
				+ "[--cloud NAME] does all of it";
	}

	/**
	 * @return the cloud named by {@code OS_CLOUD} / {@code OS_*}
	 * @throws IllegalStateException when none is configured
	 */
	static CloudConfig cloud() {
		if (!configured()) {
			throw new IllegalStateException(howToConfigure("Integration tests"));
		}
		return CloudConfigLoader.forThisProcess().load();
	}

	/**
	 * The second project the multi-project tests need: the clouds.yaml entry
	 * {@code STACKGATE_IT_ALT_CLOUD}, by default {@code OS_CLOUD} with {@code -alt}
	 * appended ({@code devcloud-alt}, or devstack's {@code devstack-alt}).
	 * @return that cloud
	 */
	static CloudConfig alternate() {
		String name = System.getenv("STACKGATE_IT_ALT_CLOUD");
		if (blank(name)) {
			if (blank(System.getenv("OS_CLOUD"))) {
				throw new IllegalStateException("Tests with two projects need STACKGATE_IT_ALT_CLOUD: a clouds.yaml "
						+ "entry for a user in a second project");
			}
			name = System.getenv("OS_CLOUD") + "-alt";
		}
		Map<String, String> env = new HashMap<>(System.getenv());
		env.put("OS_CLOUD", name);
		return new CloudConfigLoader(env, Path.of("").toAbsolutePath(), Path.of(System.getProperty("user.home")))
			.load();
	}

	private static boolean blank(String value) {
		return value == null || value.isBlank();
	}

}
