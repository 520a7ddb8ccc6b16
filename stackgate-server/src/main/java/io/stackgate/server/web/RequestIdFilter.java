package io.stackgate.server.web;

import java.io.IOException;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.slf4j.MDC;

import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;
import org.springframework.web.filter.OncePerRequestFilter;

import io.stackgate.server.cloud.CallContext;

/**
 * Gives every request an id: the client's {@code X-Openstack-Request-Id} when it is in
 * OpenStack's format, a new one otherwise. The id is echoed in the response, put in every
 * log line and sent to OpenStack. It also starts the request's time budget with OpenStack
 * ({@link CallContext.Budget}), so that everything the request waits for counts.
 */
@Component
@Order(Ordered.HIGHEST_PRECEDENCE)
class RequestIdFilter extends OncePerRequestFilter {

	@Override
	protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
			throws ServletException, IOException {
		String requestId = RequestIds.acceptOrCreate(request.getHeader(RequestIds.HEADER));
		request.setAttribute(RequestIds.ATTRIBUTE, requestId);
		request.setAttribute(CallContextResolver.BUDGET_ATTRIBUTE, CallContext.Budget.startingNow());
		response.setHeader(RequestIds.HEADER, requestId);
		MDC.put(RequestIds.ATTRIBUTE, requestId);
		try {
			chain.doFilter(request, response);
		}
		finally {
			MDC.remove(RequestIds.ATTRIBUTE);
		}
	}

}
