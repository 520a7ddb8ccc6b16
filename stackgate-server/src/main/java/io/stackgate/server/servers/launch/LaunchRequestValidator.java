package io.stackgate.server.servers.launch;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import io.stackgate.api.CreateServerRequest;
import io.stackgate.api.ProblemDto.FieldErrorDto;
import io.stackgate.server.problem.InvalidRequestException;

/**
 * Checks a launch request before anything is sent to OpenStack, and names every field at
 * fault.
 */
final class LaunchRequestValidator {

	/** Nova's limit on {@code user_data}: 65535 bytes once base64-encoded. */
	static final int MAX_ENCODED_USER_DATA = 65535;

	/** Nova's limit on names, metadata keys and metadata values. */
	private static final int MAX_NAME_LENGTH = 255;

	/** Metadata keys the gateway keeps for itself. */
	static final String RESERVED_METADATA_PREFIX = "stackgate:";

	private final int maxCount;

	private final List<FieldErrorDto> errors = new ArrayList<>();

	private LaunchRequestValidator(int maxCount) {
		this.maxCount = maxCount;
	}

	/**
	 * @param request the launch request
	 * @param maxCount the most servers one request may launch
	 * @throws InvalidRequestException naming every invalid field
	 */
	static void validate(CreateServerRequest request, int maxCount) {
		LaunchRequestValidator validator = new LaunchRequestValidator(maxCount);
		validator.check(request);
		if (!validator.errors.isEmpty()) {
			throw new InvalidRequestException(validator.errors);
		}
	}

	private void check(CreateServerRequest request) {
		checkName("name", request.name(), true);
		checkServerName(request.name(), request.count());
		checkName("flavor", request.flavor(), true);
		checkName("image", request.image(), true);
		if (request.networks() == null || request.networks().isEmpty()) {
			reject("networks", "at least one network id or name is required");
		}
		else {
			checkEach("networks", request.networks());
		}
		checkName("key_name", request.keyName(), false);
		checkName("availability_zone", request.availabilityZone(), false);
		if (request.securityGroups() != null) {
			checkEach("security_groups", request.securityGroups());
		}
		checkUserData(request.userData());
		checkMetadata(request.metadata());
		if (request.count() != null && (request.count() < 1 || request.count() > this.maxCount)) {
			reject("count", "must be between 1 and " + this.maxCount);
		}
	}

	private void checkName(String field, String value, boolean required) {
		if (value == null) {
			if (required) {
				reject(field, "is required");
			}
		}
		else if (value.isBlank()) {
			reject(field, "must not be blank");
		}
		else if (value.length() > MAX_NAME_LENGTH) {
			reject(field, "must be at most " + MAX_NAME_LENGTH + " characters");
		}
		else if (!value.strip().equals(value)) {
			reject(field, "must not start or end with whitespace");
		}
	}

	/**
	 * Nova's rules for server names, checked here so that no server of a refused request
	 * is ever created: the longest name, {@code name-N} of the last server, fits in 255
	 * characters, and every character is one Nova calls printable.
	 */
	private void checkServerName(String name, Integer count) {
		if (name == null || name.isBlank() || name.length() > MAX_NAME_LENGTH || !name.strip().equals(name)) {
			return;
		}
		int servers = (count != null && count > 1 && count <= this.maxCount) ? count : 1;
		int longest = name.length() + ((servers > 1) ? ("-" + servers).length() : 0);
		if (longest > MAX_NAME_LENGTH) {
			reject("name", "must be at most " + (MAX_NAME_LENGTH - ("-" + servers).length()) + " characters with count "
					+ servers + ": the servers are named " + "name-1 to name-" + servers);
		}
		if (!NovaNames.isPrintable(name)) {
			reject("name", "must not contain control, format or unassigned characters");
		}
	}

	private void checkEach(String field, List<String> values) {
		for (int i = 0; i < values.size(); i++) {
			checkName(field + "[" + i + "]", values.get(i), true);
		}
	}

	private void checkUserData(String userData) {
		if (userData == null) {
			return;
		}
		long bytes = userData.getBytes(StandardCharsets.UTF_8).length;
		long encoded = 4 * ((bytes + 2) / 3);
		if (encoded > MAX_ENCODED_USER_DATA) {
			reject("user_data", "is " + bytes + " bytes; Nova accepts at most " + MAX_ENCODED_USER_DATA
					+ " bytes once base64-encoded, about 48 KiB of text");
		}
	}

	private void checkMetadata(Map<String, String> metadata) {
		if (metadata == null) {
			return;
		}
		metadata.forEach((key, value) -> {
			String field = "metadata." + key;
			if (key.isEmpty() || key.length() > MAX_NAME_LENGTH) {
				reject(field, "keys must be 1 to " + MAX_NAME_LENGTH + " characters");
			}
			else if (!NovaNames.isMetadataKey(key)) {
				reject(field, "keys may only have letters, digits, spaces and - _ : .");
			}
			else if (key.startsWith(RESERVED_METADATA_PREFIX)) {
				reject(field, "keys starting with '" + RESERVED_METADATA_PREFIX + "' are reserved for the gateway");
			}
			if (value == null || value.length() > MAX_NAME_LENGTH || !NovaNames.isPrintable(value)) {
				reject(field, "values must be strings of at most " + MAX_NAME_LENGTH + " printable characters");
			}
		});
	}

	private void reject(String field, String message) {
		this.errors.add(new FieldErrorDto(field, message));
	}

}
