package io.stackgate.server.auth;

import org.springframework.boot.diagnostics.AbstractFailureAnalyzer;
import org.springframework.boot.diagnostics.FailureAnalysis;

/**
 * Turns unsafe or inconsistent {@code stackgate.auth.*} settings into a short start-up
 * message instead of a stack trace.
 */
class AuthConfigFailureAnalyzer extends AbstractFailureAnalyzer<AuthConfigException> {

	@Override
	protected FailureAnalysis analyze(Throwable rootFailure, AuthConfigException cause) {
		return new FailureAnalysis(cause.getMessage(), "Fix the stackgate.auth.* settings (see docs/auth.md).", cause);
	}

}
