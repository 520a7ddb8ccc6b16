package io.stackgate.server.problem;

import java.io.IOException;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpStatus;
import org.springframework.http.InvalidMediaTypeException;
import org.springframework.http.MediaType;
import org.springframework.stereotype.Component;
import org.springframework.web.filter.OncePerRequestFilter;

import io.stackgate.api.ProblemTypes;

/**
 * Refuses a {@code Content-Type} that names no type ({@code *}{@code /*}, {@code application/*}) or cannot be
 * parsed, with a 415 problem: Spring MVC would fail on it with an {@link IllegalArgumentException}, a 500.
 */
@Component
@Order(Ordered.HIGHEST_PRECEDENCE + 2)
class ContentTypeFilter extends OncePerRequestFilter {

	@Override
	protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
			throws ServletException, IOException {
		String contentType = request.getContentType();
		if (contentType != null && !contentType.isBlank() && !isConcrete(contentType)) {
			ProblemResponses.write(request, response, Problems.of(HttpStatus.UNSUPPORTED_MEDIA_TYPE,
					ProblemTypes.INVALID_REQUEST, "Unsupported media type",
					"The Content-Type must be a concrete media type, application/json for a JSON body"));
			return;
		}
		chain.doFilter(request, response);
	}

	private static boolean isConcrete(String contentType) {
		try {
			MediaType type = MediaType.parseMediaType(contentType);
			return !type.isWildcardType() && !type.isWildcardSubtype();
		}
		catch (InvalidMediaTypeException ex) {
			return false;
		}
	}

}
