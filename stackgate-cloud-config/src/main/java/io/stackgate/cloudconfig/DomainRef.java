package io.stackgate.cloudconfig;

/**
 * A Keystone domain, named either by id or by name, as clouds.yaml allows both.
 *
 * @param id the domain id, or {@code null}
 * @param name the domain name, used when {@code id} is {@code null}
 */
public record DomainRef(String id, String name) {

	/** The {@code Default} domain every Keystone has. */
	public static final DomainRef DEFAULT = new DomainRef(null, "Default");

	static DomainRef of(String id, String name) {
		if (id != null) {
			return new DomainRef(id, null);
		}
		return (name != null) ? new DomainRef(null, name) : null;
	}

}
