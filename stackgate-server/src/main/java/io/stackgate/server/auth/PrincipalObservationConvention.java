package io.stackgate.server.auth;

import io.micrometer.common.KeyValue;
import io.micrometer.common.KeyValues;

import org.springframework.http.server.observation.DefaultServerRequestObservationConvention;
import org.springframework.http.server.observation.ServerRequestObservationContext;

/**
 * Tags {@code http.server.requests} with the caller: the API key's name in mode {@code service},
 * {@code keystone-user} in mode {@code keystone} (user names are not a bounded set), {@code anonymous} before
 * authentication, {@code none} off the API.
 */
class PrincipalObservationConvention extends DefaultServerRequestObservationConvention {

	@Override
	public KeyValues getLowCardinalityKeyValues(ServerRequestObservationContext context) {
		Object principal = context.getCarrier().getAttribute(AuthenticationFilter.PRINCIPAL);
		return super.getLowCardinalityKeyValues(context)
			.and(KeyValue.of(AuthenticationFilter.PRINCIPAL, (principal != null) ? principal.toString() : "none"));
	}

}
