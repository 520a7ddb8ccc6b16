package io.stackgate.server.servers.launch;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import io.stackgate.api.CreateServerRequest;

/**
 * SHA-256 digests for idempotent launches: of the {@code Idempotency-Key}, and of the
 * request it came with, so that a retry can be told from a different request under the
 * same key.
 * <p>
 * The request digest is stored in Nova, so it must not change between versions. It is the
 * SHA-256 of a canonical form: name, flavor, image, networks, key name, security groups,
 * user data, availability zone, metadata (sorted by key, as key, value, key, value...)
 * and count (absent is 1), joined by {@code |}; each value as its length, a colon and
 * itself, {@code -} when absent; each list in brackets, its values joined by commas.
 */
public final class LaunchFingerprint {

	private LaunchFingerprint() {
	}

	/**
	 * @return the hex SHA-256 of the key
	 */
	static String ofKey(String idempotencyKey) {
		return sha256(idempotencyKey);
	}

	/**
	 * @return the hex SHA-256 of the request's meaning: the same for the same fields,
	 * whatever their JSON spelling (order, whitespace, an absent {@code count} or
	 * {@code count: 1})
	 */
	public static String ofRequest(CreateServerRequest request) {
		Map<String, String> metadata = (request.metadata() != null) ? new TreeMap<>(request.metadata()) : Map.of();
		String canonical = Stream
			.of(field(request.name()), field(request.flavor()), field(request.image()), list(request.networks()),
					field(request.keyName()), list(request.securityGroups()), field(request.userData()),
					field(request.availabilityZone()),
					list(metadata.entrySet().stream().flatMap((e) -> Stream.of(e.getKey(), e.getValue())).toList()),
					field(String.valueOf((request.count() != null) ? request.count() : 1)))
			.collect(Collectors.joining("|"));
		return sha256(canonical);
	}

	/** A value that cannot run into its neighbours: its length, then itself. */
	private static String field(String value) {
		return (value != null) ? value.length() + ":" + value : "-";
	}

	private static String list(List<String> values) {
		return (values != null)
				? values.stream().map(LaunchFingerprint::field).collect(Collectors.joining(",", "[", "]")) : "-";
	}

	private static String sha256(String value) {
		try {
			byte[] digest = MessageDigest.getInstance("SHA-256").digest(value.getBytes(StandardCharsets.UTF_8));
			return HexFormat.of().formatHex(digest);
		}
		catch (NoSuchAlgorithmException ex) {
			throw new IllegalStateException("Every JVM has SHA-256", ex);
		}
	}

}
