package io.stackgate.server.problem;

import java.io.IOException;

import io.swagger.v3.oas.annotations.Hidden;
import jakarta.servlet.RequestDispatcher;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.boot.webmvc.error.ErrorController;
import org.springframework.http.HttpHeaders;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.RequestMapping;
import io.stackgate.server.web.RequestIds;

/**
 * The servlet container's error page: what a filter's {@code sendError}, an exception no
 * handler caught or Tomcat's own refusals forward to. It answers with the same problem
 * JSON as the problem handler, in place of Spring Boot's default error body. A request
 * for {@code /error} itself finds no route.
 */
@Hidden
@Controller
class ProblemErrorController implements ErrorController {

	private static final Logger log = LoggerFactory.getLogger(ProblemErrorController.class);

	@RequestMapping("${server.error.path:${error.path:/error}}")
	void error(HttpServletRequest request, HttpServletResponse response) throws IOException {
		Object code = request.getAttribute(RequestDispatcher.ERROR_STATUS_CODE);
		int status = (code instanceof Integer value) ? value : 404;
		Object failure = request.getAttribute(RequestDispatcher.ERROR_EXCEPTION);
		if (failure instanceof Throwable ex && status >= 500) {
			log.error("Unexpected failure", ex);
		}
		String allow = response.getHeader(HttpHeaders.ALLOW);
		RequestIds.ensure(request, response);
		response.resetBuffer();
		if (allow != null) {
			response.setHeader(HttpHeaders.ALLOW, allow);
		}
		Object uri = request.getAttribute(RequestDispatcher.ERROR_REQUEST_URI);
		HttpServletRequest original = (uri instanceof String path) ? new OriginalPath(request, path) : request;
		ProblemResponses.write(original, response, Problems.forStatus(status));
	}

	/** The request as the client sent it, not as forwarded to the error page. */
	private static final class OriginalPath extends jakarta.servlet.http.HttpServletRequestWrapper {

		private final String path;

		OriginalPath(HttpServletRequest request, String path) {
			super(request);
			this.path = path;
		}

		@Override
		public String getRequestURI() {
			return this.path;
		}

	}

}
