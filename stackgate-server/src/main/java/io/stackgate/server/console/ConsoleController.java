package io.stackgate.server.console;

import java.util.Locale;
import java.util.Map;

import io.swagger.v3.oas.annotations.Hidden;

import org.springframework.core.io.ClassPathResource;
import org.springframework.core.io.Resource;
import org.springframework.http.CacheControl;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

import io.stackgate.server.auth.AuthProperties;

/**
 * Tells the console which login form to show: the auth mode ({@code keystone},
 * {@code service} or {@code none}), which any client also learns from a 401's
 * {@code WWW-Authenticate}. Open without credentials, like the page itself; not part of
 * the API.
 */
@RestController
@Hidden
class ConsoleController {

	private static final Resource PAGE = new ClassPathResource("static/index.html");

	private final String authMode;

	ConsoleController(AuthProperties auth) {
		this.authMode = auth.mode().name().toLowerCase(Locale.ROOT);
	}

	/**
	 * The page itself, as HTML whatever the request accepts: served here rather than as
	 * Boot's welcome page, so that any other method on {@code /} is a 405 problem like
	 * everywhere else, not a bare 406.
	 */
	@GetMapping("/")
	ResponseEntity<Resource> page() {
		return ResponseEntity.ok().contentType(MediaType.TEXT_HTML).body(PAGE);
	}

	@GetMapping(ConsolePaths.SETTINGS)
	ResponseEntity<Map<String, String>> settings() {
		return ResponseEntity.ok().cacheControl(CacheControl.noCache()).body(Map.of("auth_mode", this.authMode));
	}

}
