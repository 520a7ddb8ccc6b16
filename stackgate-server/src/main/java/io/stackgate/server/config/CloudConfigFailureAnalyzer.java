package io.stackgate.server.config;

import org.springframework.boot.diagnostics.AbstractFailureAnalyzer;
import org.springframework.boot.diagnostics.FailureAnalysis;

import io.stackgate.cloudconfig.CloudConfigException;

/**
 * Turns a missing or wrong cloud configuration into a short start-up message instead of a
 * stack trace.
 */
class CloudConfigFailureAnalyzer extends AbstractFailureAnalyzer<CloudConfigException> {

	@Override
	protected FailureAnalysis analyze(Throwable rootFailure, CloudConfigException cause) {
		return new FailureAnalysis(cause.getMessage(),
				"Point OS_CLOUD at a clouds.yaml entry or set the OS_* variables of an openrc file "
						+ "(for the local cloud: eval \"$(devcloud/env)\").",
				cause);
	}

}
