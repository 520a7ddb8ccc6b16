package io.stackgate.server.auth;

import java.io.IOException;
import java.time.Duration;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpServletResponseWrapper;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.slf4j.MDC;

import org.springframework.web.filter.OncePerRequestFilter;

import io.stackgate.server.cloud.CloudException;
import io.stackgate.server.problem.ForbiddenException;
import io.stackgate.server.problem.ProblemResponses;
import io.stackgate.server.problem.RateLimitedException;
import io.stackgate.server.problem.UnauthenticatedException;
import io.stackgate.server.web.CallSessions;
import io.stackgate.server.web.PrincipalObservationConvention;

/**
 * Authenticates every API request, then lets it through only if its caller may make it
 * (API keys of role {@code reader} only read) and has not used up its rate limit. A
 * client whose credentials were refused too often is refused with 429 before its next
 * ones reach Keystone. The caller's session goes to the controllers (see
 * {@link CallSessions}), the caller's name to every log line ({@code principal} in the
 * MDC) and, as a bounded tag, to the request metrics. Every 401 of the API, also one
 * OpenStack gave later, carries the {@code WWW-Authenticate} challenge of the mode.
 */
class AuthenticationFilter extends OncePerRequestFilter {

	private static final String PRINCIPAL = PrincipalObservationConvention.PRINCIPAL;

	private static final String WWW_AUTHENTICATE = "WWW-Authenticate";

	private static final Logger log = LoggerFactory.getLogger(AuthenticationFilter.class);

	private final Authenticator authenticator;

	private final RateLimiter rateLimiter;

	private final boolean openLogin;

	/**
	 * @param openLogin whether {@code POST /api/v1/auth/tokens} is served without
	 * credentials (mode keystone)
	 */
	AuthenticationFilter(Authenticator authenticator, RateLimiter rateLimiter, boolean openLogin) {
		this.authenticator = authenticator;
		this.rateLimiter = rateLimiter;
		this.openLogin = openLogin;
	}

	@Override
	protected boolean shouldNotFilter(HttpServletRequest request) {
		return !Routes.isApi(request);
	}

	@Override
	protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
			throws ServletException, IOException {
		String client = ClientAddresses.of(request);
		Duration refusalWait = this.rateLimiter.refusalWait(client);
		if (!refusalWait.isZero()) {
			tooMany(request, response, "client " + client + " (refused credentials)", refusalWait);
			return;
		}
		Caller caller;
		try {
			caller = (this.openLogin && Routes.isLogin(request)) ? loginCaller(request)
					: this.authenticator.authenticate(request);
		}
		catch (Unauthenticated ex) {
			this.rateLimiter.refused(client);
			refuse(request, response, ex.getMessage(), ex.fingerprint());
			return;
		}
		catch (CloudException ex) {
			if (ex.kind() == CloudException.Kind.UNAUTHORIZED) {
				this.rateLimiter.refused(client);
				refuse(request, response, ex.getMessage(), null);
			}
			else {
				log.warn("Cannot authenticate {} {}: {}", request.getMethod(), Routes.path(request), ex.getMessage());
				ProblemResponses.write(request, response, ex);
			}
			return;
		}
		if (caller.readOnly() && !Routes.isRead(request)) {
			log.info("Refused {} {} to {}: its role only reads", request.getMethod(), Routes.path(request),
					caller.principal());
			ProblemResponses.write(request, response,
					new ForbiddenException("The API key '" + caller.principal() + "' may only read"));
			return;
		}
		Duration wait = this.rateLimiter.take(caller.rateKey(), Routes.isCreate(request) || Routes.isLogin(request));
		if (!wait.isZero()) {
			tooMany(request, response, caller.principal(), wait);
			return;
		}
		if (caller.session() != null) {
			CallSessions.set(request, caller.session());
		}
		request.setAttribute(PRINCIPAL, caller.metricsTag());
		MDC.put(PRINCIPAL, caller.principal());
		try {
			chain.doFilter(request, new Challenging(response, this.authenticator.challenge()));
		}
		finally {
			MDC.remove(PRINCIPAL);
		}
	}

	/** A login has no credentials yet: it is counted per client address. */
	private static Caller loginCaller(HttpServletRequest request) {
		return new Caller("anonymous", "anonymous", "ip:" + ClientAddresses.of(request), null, false);
	}

	private void refuse(HttpServletRequest request, HttpServletResponse response, String reason, String fingerprint)
			throws IOException {
		log.info("Refused {} {} from {}: {}{}", request.getMethod(), Routes.path(request), ClientAddresses.of(request),
				reason, (fingerprint != null) ? " (" + fingerprint + ")" : "");
		ProblemResponses.write(request, response, new UnauthenticatedException(reason, this.authenticator.challenge()));
	}

	private static void tooMany(HttpServletRequest request, HttpServletResponse response, String who, Duration wait)
			throws IOException {
		long seconds = Math.max(1, (wait.toMillis() + 999) / 1000);
		log.info("Refused {} {} to {}: rate limit, retry in {} s", request.getMethod(), Routes.path(request), who,
				seconds);
		ProblemResponses.write(request, response, new RateLimitedException(seconds));
	}

	/**
	 * Adds the challenge to a 401 that comes later, from OpenStack refusing the caller's
	 * token.
	 */
	private static final class Challenging extends HttpServletResponseWrapper {

		private final String challenge;

		Challenging(HttpServletResponse response, String challenge) {
			super(response);
			this.challenge = challenge;
		}

		@Override
		public void setStatus(int status) {
			challengeIfUnauthorized(status);
			super.setStatus(status);
		}

		@Override
		public void sendError(int status) throws IOException {
			challengeIfUnauthorized(status);
			super.sendError(status);
		}

		@Override
		public void sendError(int status, String message) throws IOException {
			challengeIfUnauthorized(status);
			super.sendError(status, message);
		}

		private void challengeIfUnauthorized(int status) {
			if (status == SC_UNAUTHORIZED && !containsHeader(WWW_AUTHENTICATE)) {
				setHeader(WWW_AUTHENTICATE, this.challenge);
			}
		}

	}

}
