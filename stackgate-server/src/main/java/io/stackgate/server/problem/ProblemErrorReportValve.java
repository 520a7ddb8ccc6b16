package io.stackgate.server.problem;

import java.io.IOException;
import java.io.Writer;

import org.apache.catalina.connector.Request;
import org.apache.catalina.connector.Response;
import org.apache.catalina.valves.ErrorReportValve;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.http.MediaType;
import io.stackgate.server.web.RequestIds;

/**
 * Tomcat's error report, for the requests it refuses before the application sees them
 * (headers over its limit, {@code %00} or an encoded slash in the path, control
 * characters in a header): the same problem JSON, with a request id, instead of Tomcat's
 * HTML page.
 */
public class ProblemErrorReportValve extends ErrorReportValve {

	private static final Logger log = LoggerFactory.getLogger(ProblemErrorReportValve.class);

	@Override
	protected void report(Request request, Response response, Throwable throwable) {
		int status = response.getStatus();
		if (status < 400 || response.getContentWritten() > 0 || !response.setErrorReported()) {
			return;
		}
		RequestIds.ensure(request, response);
		String body = ProblemResponses.json(request, Problems.forStatus(status));
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

}
