package io.stackgate.testing.hostile;

import java.util.List;
import java.util.UUID;

/**
 * Mutations of the headers: missing, mangled or foreign credentials, an oversized header,
 * control characters in a value, and an odd or second Idempotency-Key.
 */
final class HeaderMutations {

	private final Choices choices;

	private final Fixtures fixtures;

	HeaderMutations(Choices choices, Fixtures fixtures) {
		this.choices = choices;
		this.fixtures = fixtures;
	}

	List<HostileRequest> credentials(RequestDraft valid) {
		RequestDraft copy = valid.copy();
		int choice = this.choices.nextInt(7);
		String token = this.fixtures.credential();
		switch (choice) {
			case 0 -> copy.credential = null;
			case 1 -> copy.credential = token + "\u00e9";
			case 2 -> copy.credential = "\u00c3\u00a9" + token;
			case 3 -> copy.credential = token.substring(0, token.length() / 2) + "\u0001"
					+ token.substring(token.length() / 2);
			case 4 -> copy.credential = "gAAAAA" + "t".repeat(this.choices.pick(List.of(100, 4000)));
			case 5 -> copy.headers.add(new String[] { this.fixtures.authHeader(), "gAAAAAB-not-a-token" });
			default -> copy.credential = "not a token";
		}
		return List.of(copy.build("credentials " + choice));
	}

	List<HostileRequest> oversizedHeader(RequestDraft valid) {
		RequestDraft copy = valid.copy();
		int size = this.choices.pick(List.of(8000, 9000, 20_000, 70_000));
		copy.headers.add(new String[] { "X-Pad", "p".repeat(size) });
		return List.of(copy.build("header of " + size + " bytes"));
	}

	List<HostileRequest> headerControl(RequestDraft valid) {
		RequestDraft copy = valid.copy();
		String value = this.choices.pick(List.of("a\u0001b", "a\u007fb", "\u00ff\u00fe", "a\u0000b", "a\u000bb"));
		String name = this.choices
			.pick(List.of("X-Foo", "Accept", "X-Openstack-Request-Id", "Idempotency-Key", "Content-Type"));
		copy.headers.add(new String[] { name, value });
		return List.of(copy.build("control character in " + name));
	}

	List<HostileRequest> idempotencyKey(RequestDraft valid) {
		if (!valid.takesHeader("Idempotency-Key")) {
			return List.of();
		}
		RequestDraft copy = valid.copy();
		copy.headers.removeIf((h) -> h[0].equals("Idempotency-Key"));
		String key = this.choices.pick(List.of("", " ", "k".repeat(256), "k".repeat(255), "cl\u00e9", "a b", "a\tb"));
		copy.headers.add(new String[] { "Idempotency-Key", key });
		if (this.choices.nextBoolean()) {
			copy.headers.add(new String[] { "Idempotency-Key", "hostile-" + UUID.randomUUID() });
		}
		return List.of(copy.build("idempotency key"));
	}

}
