package io.stackgate.cli.client;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class LinkHeaderTests {

	@Test
	void findsTheNextLinkAmongOthers() {
		assertThat(LinkHeader.next("</api/v1/servers?limit=2&marker=abc>; rel=\"next\""))
			.isEqualTo("/api/v1/servers?limit=2&marker=abc");
		assertThat(LinkHeader.next("<https://x/a?p=1>; rel=\"prev\", <https://x/a?p=3>; title=\"n, m\"; rel=next"))
			.isEqualTo("https://x/a?p=3");
		assertThat(LinkHeader.next("<a>; rel=\"last next\"")).isEqualTo("a");
	}

	@Test
	void noNextLink() {
		assertThat(LinkHeader.next(null)).isNull();
		assertThat(LinkHeader.next("<a>; rel=\"prev\"")).isNull();
		assertThat(LinkHeader.next("garbage")).isNull();
	}

}
