package io.stackgate.server.problem;

import java.io.IOException;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;
import org.springframework.web.filter.OncePerRequestFilter;
import org.springframework.web.util.ContentCachingResponseWrapper;

/**
 * A health probe's error without a body becomes a problem: Spring Boot answers an unknown
 * health group or component ({@code /actuator/health/nope}) with a bare 404, neither an
 * exception nor a container error that the other handlers would see. Health answers are
 * small, so they are held until the route is done; the other actuator routes (the
 * metrics) are not touched.
 */
@Component
@Order(Ordered.HIGHEST_PRECEDENCE + 3)
class ActuatorErrorsFilter extends OncePerRequestFilter {

	@Override
	protected boolean shouldNotFilter(HttpServletRequest request) {
		return !request.getRequestURI().startsWith("/actuator/health/");
	}

	@Override
	protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
			throws ServletException, IOException {
		ContentCachingResponseWrapper held = new ContentCachingResponseWrapper(response);
		chain.doFilter(request, held);
		if (held.getStatus() >= 400 && held.getContentSize() == 0 && !response.isCommitted()) {
			ProblemResponses.write(request, response, Problems.forStatus(held.getStatus()));
			return;
		}
		held.copyBodyToResponse();
	}

}
