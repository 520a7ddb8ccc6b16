package io.stackgate.server.auth;

import java.time.Clock;
import java.util.concurrent.Executor;

import io.micrometer.core.instrument.MeterRegistry;
import org.apache.catalina.filters.RemoteIpFilter;
import org.apache.catalina.util.NetMask;
import org.springdoc.core.customizers.OpenApiCustomizer;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.Ordered;

import io.stackgate.cloudconfig.CloudConfig;
import io.stackgate.server.cloud.CallerTokens;
import io.stackgate.server.cloud.CloudSession;
import io.stackgate.server.web.ListenAddress;
import io.stackgate.server.web.ListenProperties;

/**
 * Wires authentication for the configured {@code stackgate.auth.mode}. The filters run
 * right after the request id and the request metrics, before anything else: Tomcat's
 * {@link RemoteIpFilter} when there are trusted proxies, then {@link SourceFilter}, then
 * {@link AuthenticationFilter}.
 */
@Configuration(proxyBeanMethods = false)
class AuthConfiguration {

	static final int REMOTE_IP_FILTER_ORDER = Ordered.HIGHEST_PRECEDENCE + 9;

	static final int SOURCE_FILTER_ORDER = Ordered.HIGHEST_PRECEDENCE + 10;

	static final int AUTHENTICATION_FILTER_ORDER = Ordered.HIGHEST_PRECEDENCE + 20;

	/**
	 * Where the gateway listens: on loopback only, unless told otherwise, when callers do
	 * not authenticate.
	 */
	@Bean
	ListenAddress listenAddress(ListenProperties listen, AuthProperties auth) {
		return listen.resolve(auth.mode() != AuthProperties.Mode.NONE);
	}

	@Bean
	AuthSettings authSettings(AuthProperties auth, ListenAddress listenAddress) {
		return AuthSettings.check(auth, listenAddress);
	}

	/** Mode {@code keystone}: the callers' tokens, validated and issued. */
	@Bean
	@ConditionalOnProperty(name = "stackgate.auth.mode", havingValue = "keystone", matchIfMissing = true)
	TokenValidations tokenValidations(CallerTokens callerTokens, AuthProperties auth, Executor applicationTaskExecutor,
			Clock clock, MeterRegistry meterRegistry) {
		return new TokenValidations(callerTokens, auth, applicationTaskExecutor, clock, meterRegistry);
	}

	@Bean
	Authenticator authenticator(AuthProperties auth, ObjectProvider<TokenValidations> tokenValidations,
			CloudSession serviceSession, CloudConfig cloud) {
		return switch (auth.mode()) {
			case KEYSTONE -> new KeystoneAuthenticator(tokenValidations.getObject(), cloud.authUrl());
			case SERVICE -> new ApiKeyAuthenticator(auth.apiKeys(), serviceSession);
			case NONE -> new AnonymousAuthenticator(serviceSession);
		};
	}

	/**
	 * Behind {@code stackgate.auth.trusted-proxies}, the client is the right-most
	 * {@code X-Forwarded-For} hop that is not one of them: each proxy appends the address
	 * it got the request from, so anything left of the last untrusted hop could have been
	 * written by the client. Without trusted proxies the header is ignored.
	 */
	@Bean
	FilterRegistrationBean<RemoteIpFilter> remoteIpFilter(AuthSettings settings) {
		RemoteIpFilter filter = new RemoteIpFilter();
		// AuthSettings writes every entry as a CIDR: Tomcat reads a list without a '/' as
		// a regular expression.
		filter.setInternalProxies(String.join(",", settings.trustedProxies().stream().map(NetMask::toString).toList()));
		FilterRegistrationBean<RemoteIpFilter> registration = new FilterRegistrationBean<>(filter);
		registration.setOrder(REMOTE_IP_FILTER_ORDER);
		registration.setEnabled(!settings.trustedProxies().isEmpty());
		return registration;
	}

	@Bean
	FilterRegistrationBean<SourceFilter> sourceFilter(AuthSettings settings) {
		FilterRegistrationBean<SourceFilter> registration = new FilterRegistrationBean<>(new SourceFilter(settings));
		registration.setOrder(SOURCE_FILTER_ORDER);
		return registration;
	}

	/** The callers' buckets, refilled by the monotonic clock. */
	@Bean
	RateLimiter rateLimiter(AuthProperties auth) {
		return new RateLimiter(auth.rateLimit(), System::nanoTime);
	}

	@Bean
	FilterRegistrationBean<AuthenticationFilter> authenticationFilter(AuthSettings settings,
			Authenticator authenticator, RateLimiter rateLimiter, AuthProperties auth) {
		AuthenticationFilter filter = new AuthenticationFilter(authenticator, rateLimiter,
				auth.mode() == AuthProperties.Mode.KEYSTONE);
		FilterRegistrationBean<AuthenticationFilter> registration = new FilterRegistrationBean<>(filter);
		registration.setOrder(AUTHENTICATION_FILTER_ORDER);
		return registration;
	}

	@Bean
	OpenApiCustomizer authOpenApi() {
		return AuthOpenApi.customizer();
	}

}
