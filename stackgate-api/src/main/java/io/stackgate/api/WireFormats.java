package io.stackgate.api;

/**
 * Formats of the wire model's strings, as regular expressions (ECMA 262, for the OpenAPI
 * document) that the gateway enforces.
 */
public final class WireFormats {

	/** A name or id: not blank, no white space at either end. */
	public static final String NAME = "^\\S([\\s\\S]*\\S)?$";

	/** A request id in OpenStack's format. */
	public static final String REQUEST_ID = "^req-[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$";

	private WireFormats() {
	}

}
