package io.stackgate.server.problem;

import java.io.IOException;
import java.util.Set;
import java.util.TreeSet;

import jakarta.servlet.FilterChain;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Component;
import org.springframework.web.filter.OncePerRequestFilter;
import org.springframework.web.servlet.mvc.method.annotation.RequestMappingHandlerMapping;
import org.springframework.web.util.ServletRequestPathUtils;

import io.stackgate.api.ProblemTypes;

/**
 * Answers {@code TRACE}, which no route takes and which must never echo a request: 405
 * with the methods the route does take in {@code Allow}, or 404 for no route, as a
 * problem like every other error.
 */
@Component
@Order(Ordered.HIGHEST_PRECEDENCE + 1)
class TraceFilter extends OncePerRequestFilter {

	private final RequestMappingHandlerMapping mappings;

	TraceFilter(@Qualifier("requestMappingHandlerMapping") RequestMappingHandlerMapping mappings) {
		this.mappings = mappings;
	}

	@Override
	protected boolean shouldNotFilter(HttpServletRequest request) {
		return !"TRACE".equals(request.getMethod());
	}

	@Override
	protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
			throws IOException {
		Set<String> allowed = allowedMethods(request);
		if (allowed.isEmpty()) {
			ProblemResponses.write(request, response, Problems.forStatus(404));
			return;
		}
		response.setHeader(HttpHeaders.ALLOW, String.join(", ", allowed));
		ProblemResponses.write(request, response, Problems.of(HttpStatus.METHOD_NOT_ALLOWED,
				ProblemTypes.INVALID_REQUEST, "Method not allowed", "This route takes " + String.join(", ", allowed)));
	}

	private Set<String> allowedMethods(HttpServletRequest request) {
		ServletRequestPathUtils.parseAndCache(request);
		Set<String> methods = new TreeSet<>();
		this.mappings.getHandlerMethods().keySet().forEach((info) -> {
			if (info.getPathPatternsCondition() != null
					&& info.getPathPatternsCondition().getMatchingCondition(request) != null) {
				info.getMethodsCondition().getMethods().forEach((method) -> methods.add(method.name()));
			}
		});
		if (methods.contains("GET")) {
			methods.add("HEAD");
		}
		if (!methods.isEmpty()) {
			methods.add("OPTIONS");
		}
		return methods;
	}

}
