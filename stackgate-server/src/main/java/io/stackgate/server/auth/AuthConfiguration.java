package io.stackgate.server.auth;

import java.time.Clock;

import io.micrometer.core.instrument.MeterRegistry;
import org.springdoc.core.customizers.OpenApiCustomizer;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.Ordered;

import io.stackgate.cloudconfig.CloudConfig;
import io.stackgate.server.cloud.CallerTokens;
import io.stackgate.server.cloud.CloudSession;
import io.stackgate.server.config.StackgateProperties;
import io.stackgate.server.config.StackgateProperties.Auth;

/**
 * Wires authentication for the configured {@code stackgate.auth.mode}. The filters run right after the request
 * id and the request metrics, before anything else: first {@link SourceFilter}, then
 * {@link AuthenticationFilter}.
 */
@Configuration(proxyBeanMethods = false)
class AuthConfiguration {

	static final int SOURCE_FILTER_ORDER = Ordered.HIGHEST_PRECEDENCE + 10;

	static final int AUTHENTICATION_FILTER_ORDER = Ordered.HIGHEST_PRECEDENCE + 20;

	@Bean
	AuthSettings authSettings(StackgateProperties properties) {
		return AuthSettings.check(properties);
	}

	@Bean
	Authenticator authenticator(StackgateProperties properties, ObjectProvider<CallerTokens> callerTokens,
			CloudSession serviceSession, CloudConfig cloud, MeterRegistry meterRegistry) {
		Auth auth = properties.auth();
		return switch (auth.mode()) {
			case KEYSTONE -> new KeystoneAuthenticator(new TokenValidations(callerTokens.getObject(),
					auth.tokenCacheTtl(), auth.tokenCacheSize(), Clock.systemUTC(), meterRegistry), cloud.authUrl());
			case SERVICE -> new ApiKeyAuthenticator(auth.apiKeys(), serviceSession);
			case NONE -> new AnonymousAuthenticator(serviceSession);
		};
	}

	@Bean
	FilterRegistrationBean<SourceFilter> sourceFilter(AuthSettings settings) {
		FilterRegistrationBean<SourceFilter> registration = new FilterRegistrationBean<>(new SourceFilter(settings));
		registration.setOrder(SOURCE_FILTER_ORDER);
		return registration;
	}

	@Bean
	FilterRegistrationBean<AuthenticationFilter> authenticationFilter(AuthSettings settings,
			Authenticator authenticator, StackgateProperties properties) {
		AuthenticationFilter filter = new AuthenticationFilter(authenticator,
				new RateLimiter(properties.auth().rateLimit(), System::nanoTime),
				properties.auth().mode() == Auth.Mode.KEYSTONE);
		FilterRegistrationBean<AuthenticationFilter> registration = new FilterRegistrationBean<>(filter);
		registration.setOrder(AUTHENTICATION_FILTER_ORDER);
		return registration;
	}

	@Bean
	OpenApiCustomizer authOpenApi() {
		return AuthOpenApi.customizer();
	}

	@Bean
	PrincipalObservationConvention principalObservationConvention() {
		return new PrincipalObservationConvention();
	}

}
