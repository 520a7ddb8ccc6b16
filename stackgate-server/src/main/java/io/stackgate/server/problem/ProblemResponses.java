package io.stackgate.server.problem;

import io.stackgate.server.web.RequestIds;
import java.io.IOException;
import java.util.LinkedHashMap;
import java.util.Map;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;

/**
 * Writes problems from servlet filters, which the problem handler does not see, in the
 * same shape and with the same mapping as the handler's: {@code type}, {@code title},
 * {@code status}, {@code detail}, {@code instance}, the extension members and the request
 * id.
 */
public final class ProblemResponses {

	private static final JsonMapper JSON = JsonMapper.builder().build();

	private ProblemResponses() {
	}

	/**
	 * Answers a request that a filter refuses, the way the problem handler answers the
	 * same exception.
	 * @param request the request the problem answers
	 * @param response its response, not committed yet
	 * @param ex one of the semantic exceptions of this package, or a
	 * {@code CloudException}
	 */
	public static void write(HttpServletRequest request, HttpServletResponse response, RuntimeException ex)
			throws IOException {
		ProblemMapping mapping = ProblemMapping.of(ex);
		mapping.headers().forEach((name, values) -> values.forEach((value) -> response.addHeader(name, value)));
		write(request, response, mapping.problem());
	}

	/**
	 * Answers a request with a problem that no exception stands for (a status of the
	 * container, say).
	 */
	static void write(HttpServletRequest request, HttpServletResponse response, ProblemDetail problem)
			throws IOException {
		response.setStatus(problem.getStatus());
		response.setContentType(MediaType.APPLICATION_PROBLEM_JSON_VALUE);
		response.getOutputStream().write(json(request, problem).getBytes(java.nio.charset.StandardCharsets.UTF_8));
	}

	/**
	 * @return the problem as JSON text, completed with the request id and the request
	 * path
	 */
	static String json(HttpServletRequest request, ProblemDetail problem) {
		Problems.complete(problem, RequestIds.of(request));
		Map<String, Object> body = new LinkedHashMap<>();
		body.put("type", String.valueOf(problem.getType()));
		body.put("title", problem.getTitle());
		body.put("status", problem.getStatus());
		body.put("detail", problem.getDetail());
		body.put("instance", request.getRequestURI());
		if (problem.getProperties() != null) {
			body.putAll(problem.getProperties());
		}
		return JSON.writeValueAsString(body);
	}

}
