package io.stackgate.server.web;

import io.micrometer.common.KeyValue;
import io.micrometer.common.KeyValues;

import org.springframework.http.server.observation.DefaultServerRequestObservationConvention;
import org.springframework.http.server.observation.ServerRequestObservationContext;

/**
 * Tags {@code http.server.requests} with the caller: the API key's name in mode
 * {@code service}, {@code keystone-user} in mode {@code keystone} (user names are not a
 * bounded set), {@code anonymous} before authentication, {@code none} off the API.
 */
public class PrincipalObservationConvention extends DefaultServerRequestObservationConvention {

	/**
	 * The request attribute, and MDC key, of the caller's name and metrics tag, set by
	 * authentication.
	 */
	public static final String PRINCIPAL = "principal";

	@Override
	public KeyValues getLowCardinalityKeyValues(ServerRequestObservationContext context) {
		Object principal = context.getCarrier().getAttribute(PRINCIPAL);
		return super.getLowCardinalityKeyValues(context)
			.and(KeyValue.of(PRINCIPAL, (principal != null) ? principal.toString() : "none"));
	}

}
