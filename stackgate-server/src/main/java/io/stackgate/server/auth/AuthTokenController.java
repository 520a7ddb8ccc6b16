package io.stackgate.server.auth;

import java.util.ArrayList;
import java.util.List;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.headers.Header;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.http.CacheControl;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

import io.stackgate.api.ProblemDto.FieldErrorDto;
import io.stackgate.api.TokenDto;
import io.stackgate.api.TokenRequestDto;
import io.stackgate.server.cloud.IssuedToken;
import io.stackgate.server.cloud.PasswordCredentials;
import io.stackgate.server.problem.InvalidRequestException;
import io.stackgate.server.web.ProblemStatuses;

/**
 * Logs in to Keystone in one step, for curl users: a user name, password and project give
 * a token to send in {@code X-Auth-Token}. The password goes to Keystone and nowhere
 * else. Only in mode {@code keystone}.
 */
@RestController
@Tag(name = "auth", description = "Keystone tokens for curl users (mode keystone)")
@ConditionalOnProperty(name = "stackgate.auth.mode", havingValue = "keystone", matchIfMissing = true)
class AuthTokenController {

	private static final Logger log = LoggerFactory.getLogger(AuthTokenController.class);

	private static final String DEFAULT_DOMAIN = "Default";

	private final TokenValidations tokens;

	AuthTokenController(TokenValidations tokens) {
		this.tokens = tokens;
	}

	/**
	 * 201 with the token; 400 when a field is missing; 401 when Keystone refuses the
	 * credentials; 503 when Keystone cannot be reached.
	 */
	@Operation(operationId = "issueToken", summary = "Log in to Keystone with a password",
			description = "Logs in to Keystone with a user name, password and project (mode keystone only; the "
					+ "route does not exist in the other modes) and answers with a project-scoped token to send in "
					+ "X-Auth-Token. The password goes to Keystone and nowhere else.")
	@ApiResponse(responseCode = "201", description = "A token scoped to the project",
			headers = @Header(name = "Cache-Control", description = "no-store: the answer holds a credential",
					schema = @Schema(type = "string")))
	@ProblemStatuses(400)
	@PostMapping(Routes.LOGIN)
	ResponseEntity<TokenDto> issue(@RequestBody TokenRequestDto request) {
		check(request);
		String domain = isBlank(request.domain()) ? DEFAULT_DOMAIN : request.domain();
		IssuedToken token = this.tokens
			.issue(new PasswordCredentials(request.username(), request.password(), request.project(), domain));
		log.info("Issued a token to user {} in project {}, expiring at {}", token.userName(), token.projectName(),
				token.expiresAt());
		return ResponseEntity.status(HttpStatus.CREATED)
			.cacheControl(CacheControl.noStore())
			.body(new TokenDto(token.token(), token.expiresAt(), token.userName(), token.projectName()));
	}

	private static void check(TokenRequestDto request) {
		List<FieldErrorDto> errors = new ArrayList<>();
		if (isBlank(request.username())) {
			errors.add(new FieldErrorDto("username", "must not be blank"));
		}
		if (request.password() == null || request.password().isEmpty()) {
			errors.add(new FieldErrorDto("password", "must not be empty"));
		}
		if (isBlank(request.project())) {
			errors.add(new FieldErrorDto("project", "must not be blank"));
		}
		if (!errors.isEmpty()) {
			throw new InvalidRequestException(errors);
		}
	}

	private static boolean isBlank(String value) {
		return value == null || value.isBlank();
	}

}
