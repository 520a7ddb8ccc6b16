package io.stackgate.server.cloud;

/**
 * The OpenStack services the gateway calls, named by their catalog type.
 */
public enum OpenStackService {

	IDENTITY("identity", "Keystone"), COMPUTE("compute", "Nova"), IMAGE("image", "Glance"),
	NETWORK("network", "Neutron");

	private final String catalogType;

	private final String projectName;

	OpenStackService(String catalogType, String projectName) {
		this.catalogType = catalogType;
		this.projectName = projectName;
	}

	/**
	 * @return the service type in the Keystone catalog, for example {@code compute}
	 */
	public String catalogType() {
		return this.catalogType;
	}

	/**
	 * @return the OpenStack project that implements it, for example {@code Nova}
	 */
	public String projectName() {
		return this.projectName;
	}

}
