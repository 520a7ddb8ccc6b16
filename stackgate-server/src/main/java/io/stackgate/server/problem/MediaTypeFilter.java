package io.stackgate.server.problem;

import java.io.IOException;
import java.util.Collections;
import java.util.Enumeration;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.InvalidMediaTypeException;
import org.springframework.http.MediaType;
import org.springframework.stereotype.Component;
import org.springframework.web.filter.OncePerRequestFilter;

import io.stackgate.api.ProblemTypes;

/**
 * Refuses media types Spring MVC cannot work with, before it sees them: a
 * {@code Content-Type} that names no type ({@code *}{@code /*}, {@code application/*}) or
 * cannot be parsed is a 415 problem (Spring MVC would fail on it with an
 * {@link IllegalArgumentException}, a 500), and an {@code Accept} that cannot be parsed
 * is a 406 problem (content negotiation could not even write the problem of a later
 * error, which would go out without a body).
 */
@Component
@Order(Ordered.HIGHEST_PRECEDENCE + 2)
class MediaTypeFilter extends OncePerRequestFilter {

	@Override
	protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
			throws ServletException, IOException {
		String contentType = request.getContentType();
		if (contentType != null && !contentType.isBlank() && !isConcrete(contentType)) {
			ProblemResponses.write(request, response,
					Problems.of(HttpStatus.UNSUPPORTED_MEDIA_TYPE, ProblemTypes.INVALID_REQUEST,
							"Unsupported media type",
							"The Content-Type must be a concrete media type, application/json for a JSON body"));
			return;
		}
		if (!isParseable(request.getHeaders(HttpHeaders.ACCEPT))) {
			ProblemResponses.write(request, response, Problems.notAcceptable());
			return;
		}
		chain.doFilter(request, response);
	}

	private static boolean isParseable(Enumeration<String> accepts) {
		try {
			for (String accept : Collections.list(accepts)) {
				MediaType.parseMediaTypes(accept);
			}
			return true;
		}
		catch (InvalidMediaTypeException ex) {
			return false;
		}
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
