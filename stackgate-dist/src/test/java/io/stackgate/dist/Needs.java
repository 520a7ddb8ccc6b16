package io.stackgate.dist;

import org.junit.jupiter.api.Assumptions;

/**
 * What a packaging test needs from the machine (a tool, root, a cloud). In CI
 * ({@code CI=true}) a missing need fails the test: CI installs everything
 * (deploy/install-build-deps), so a skip there would hide a broken setup. Elsewhere the
 * test is skipped, and the reason is printed.
 */
final class Needs {

	private Needs() {
	}

	static void need(boolean present, String what) {
		if (present) {
			return;
		}
		if (inCi()) {
			throw new AssertionError("CI=true and " + what + " (deploy/install-build-deps installs it)");
		}
		System.err.println("[stackgate-dist] skipped: " + what);
		Assumptions.abort(what);
	}

	static void tool(String tool) {
		need(Sh.onPath(tool), tool + " is missing");
	}

	static void root() {
		need(Dist.isRoot(), "this test needs root");
	}

	static Cloud cloud() {
		Cloud cloud = Cloud.fromEnvironment().orElse(null);
		need(cloud != null, "no cloud: set OS_CLIENT_CONFIG_FILE and OS_CLOUD (eval \"$(devcloud/env)\")");
		return cloud;
	}

	static boolean inCi() {
		return "true".equalsIgnoreCase(System.getenv("CI"));
	}

}
