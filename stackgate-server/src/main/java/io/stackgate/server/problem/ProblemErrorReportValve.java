package io.stackgate.server.problem;

import java.io.IOException;
import java.io.OutputStream;
import java.io.Writer;
import java.nio.charset.StandardCharsets;

import jakarta.servlet.RequestDispatcher;
import jakarta.servlet.ServletException;
import org.apache.catalina.connector.Request;
import org.apache.catalina.connector.Response;
import org.apache.catalina.valves.ErrorReportValve;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;

import io.stackgate.api.ProblemTypes;
import io.stackgate.server.web.RequestIds;

/**
 * Tomcat's error report, for the requests it refuses before the application sees them
 * (headers over its limit, {@code %00} or an encoded slash in the path, control
 * characters in a header, an unknown protocol version or transfer coding,
 * {@code CONNECT}): the same problem JSON, with a request id, instead of Tomcat's HTML
 * page, and a 4xx where Tomcat says 501 or 505 to a client's mistake. It also refuses
 * HTTP/0.9 requests (a request line without a version), which Tomcat 11 would answer with
 * a bare body: no status, no headers.
 */
public class ProblemErrorReportValve extends ErrorReportValve {

	private static final Logger log = LoggerFactory.getLogger(ProblemErrorReportValve.class);

	@Override
	public void invoke(Request request, Response response) throws IOException, ServletException {
		// A request line Tomcat could not parse has no protocol either, and an exception.
		if ("".equals(request.getProtocol()) && request.getAttribute(RequestDispatcher.ERROR_EXCEPTION) == null) {
			refuseHttp09(request, response);
			return;
		}
		super.invoke(request, response);
	}

	@Override
	protected void report(Request request, Response response, Throwable throwable) {
		int status = response.getStatus();
		if (status < 400 || response.getContentWritten() > 0 || !response.setErrorReported()) {
			return;
		}
		ProblemDetail problem = problemFor(request, status);
		response.setStatus(problem.getStatus());
		RequestIds.ensure(request, response);
		String body = ProblemResponses.json(request, problem);
		try {
			response.setContentType(MediaType.APPLICATION_PROBLEM_JSON_VALUE);
			response.setCharacterEncoding("UTF-8");
			Writer writer = response.getReporter();
			if (writer != null) {
				writer.write(body);
				response.finishResponse();
			}
		}
		catch (IOException | IllegalStateException ex) {
			log.debug("Could not write the problem of a refused request: {}", ex.getMessage());
		}
	}

	/**
	 * Tomcat's 505 (a protocol version other than HTTP/1.0 and 1.1) and 501 (a transfer
	 * coding other than chunked, or {@code CONNECT}) answer what a client got wrong.
	 */
	private static ProblemDetail problemFor(Request request, int status) {
		if (status == HttpStatus.HTTP_VERSION_NOT_SUPPORTED.value()) {
			return Problems.of(HttpStatus.BAD_REQUEST, ProblemTypes.INVALID_REQUEST, "Bad Request",
					"Unsupported protocol version: send HTTP/1.1 (or HTTP/1.0)");
		}
		if (status == HttpStatus.NOT_IMPLEMENTED.value() && "CONNECT".equals(request.getMethod())) {
			return Problems.of(HttpStatus.METHOD_NOT_ALLOWED, ProblemTypes.INVALID_REQUEST, "Method Not Allowed",
					"CONNECT is not supported: the gateway is no proxy");
		}
		if (status == HttpStatus.NOT_IMPLEMENTED.value()) {
			return Problems.of(HttpStatus.BAD_REQUEST, ProblemTypes.INVALID_REQUEST, "Bad Request",
					"Unsupported Transfer-Encoding: only chunked is accepted");
		}
		return Problems.forStatus(status);
	}

	/**
	 * Answers with a whole HTTP/1.1 head written as the body, since Tomcat writes no head
	 * for HTTP/0.9, and closes the connection; the route is not run.
	 */
	private static void refuseHttp09(Request request, Response response) throws IOException {
		String requestId = RequestIds.ensure(request, response);
		byte[] body = ProblemResponses
			.json(request,
					Problems.of(HttpStatus.BAD_REQUEST, ProblemTypes.INVALID_REQUEST, "Bad Request",
							"The request line has no protocol version: send HTTP/1.1"))
			.getBytes(StandardCharsets.UTF_8);
		String head = "HTTP/1.1 400 Bad Request\r\nContent-Type: " + MediaType.APPLICATION_PROBLEM_JSON_VALUE + "\r\n"
				+ RequestIds.HEADER + ": " + requestId + "\r\nContent-Length: " + body.length
				+ "\r\nConnection: close\r\n\r\n";
		response.setSuspended(false);
		response.setErrorReported();
		OutputStream out = response.getOutputStream();
		out.write(head.getBytes(StandardCharsets.ISO_8859_1));
		out.write(body);
		response.finishResponse();
	}

}
