package io.stackgate.testing;

import java.util.LinkedHashMap;
import java.util.Map;

import jakarta.servlet.http.HttpServletRequest;
import org.slf4j.MDC;

import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RestController;

import io.stackgate.server.cloud.CallContext;
import io.stackgate.server.cloud.CallerSession;
import io.stackgate.server.cloud.CloudException;
import io.stackgate.server.cloud.OpenStackService;

/**
 * Routes for authentication tests: they answer what the request looks like once it got
 * through. Outside the gateway's packages, so that only the tests that import it get it,
 * never a gateway started by an integration test.
 */
@RestController
public class EchoController {

	@GetMapping("/api/v1/echo")
	Map<String, Object> echo(CallContext context, HttpServletRequest request) {
		Map<String, Object> echo = new LinkedHashMap<>();
		echo.put("project", context.session().projectId());
		if (context.session() instanceof CallerSession caller) {
			echo.put("user", caller.userName());
		}
		echo.put("principal", MDC.get("principal"));
		echo.put("x_user_id", request.getHeader("X-User-Id"));
		echo.put("x_roles", request.getHeader("X-Roles"));
		echo.put("x_project_id", request.getHeader("X-Project-Id"));
		echo.put("x_identity_status", request.getHeader("X-Identity-Status"));
		echo.put("header_names", java.util.Collections.list(request.getHeaderNames()));
		return echo;
	}

	/** A call that OpenStack answers with 401, as when it refuses a caller's token. */
	@GetMapping("/api/v1/echo/refused")
	Map<String, Object> refused(CallContext context) {
		throw new CloudException(CloudException.Kind.UNAUTHORIZED, OpenStackService.COMPUTE,
				"OpenStack refused the caller's token; log in again for a new one", 401, null, null);
	}

	@PostMapping("/api/v1/servers")
	ResponseEntity<Void> create(CallContext context) {
		return ResponseEntity.accepted().build();
	}

	@DeleteMapping("/api/v1/servers/{id}")
	ResponseEntity<Void> delete(@PathVariable String id, CallContext context) {
		return ResponseEntity.accepted().build();
	}

	@GetMapping({ "/actuator/health/liveness", "/actuator/prometheus" })
	String operations() {
		return "ok";
	}

}
