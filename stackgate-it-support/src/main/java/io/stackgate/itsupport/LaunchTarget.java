package io.stackgate.itsupport;

import java.io.IOException;
import java.math.BigInteger;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Collectors;
import java.util.stream.StreamSupport;

import tools.jackson.databind.JsonNode;

/**
 * What the integration tests launch servers from, found on the cloud they run against, so
 * that the suite runs on any cloud, not only on devcloud's seed: the smallest flavor
 * (with a disk, as Nova lets only admins boot an image on a zero-disk flavor) that an
 * active image fits, the longest-lived such image, and the project's longest-lived
 * network with a subnet (else a shared one). Only objects whose name is unique are
 * chosen, as the tests name them. {@code STACKGATE_IT_FLAVOR}, {@code STACKGATE_IT_IMAGE}
 * and {@code STACKGATE_IT_NETWORK} (a name or an id each) choose instead.
 *
 * @param flavor the flavor to launch with
 * @param image the image to boot
 * @param network the network to attach to
 * @param externalNetwork an external network the project sees, which servers cannot
 * attach to, if there is one
 */
public record LaunchTarget(Flavor flavor, Image image, Network network, Optional<String> externalNetwork) {

	private static final long GIB = 1L << 30;

	/**
	 * @param id its id
	 * @param name its name
	 * @param vcpus its virtual CPUs
	 * @param ram its memory in MiB
	 * @param disk its root disk in GiB
	 */
	public record Flavor(String id, String name, int vcpus, int ram, int disk) {
	}

	/**
	 * @param id its id
	 * @param name its name
	 */
	public record Image(String id, String name) {
	}

	/**
	 * @param id its id
	 * @param name its name
	 * @param cidrs the CIDRs of its subnets
	 */
	public record Network(String id, String name, List<String> cidrs) {

		/**
		 * @param ip an IPv4 or IPv6 address
		 * @return whether it lies in one of the network's subnets
		 */
		public boolean contains(String ip) {
			return this.cidrs.stream().anyMatch((cidr) -> inCidr(ip, cidr));
		}

	}

	/**
	 * @param cloud the cloud, logged in as the project the tests act in
	 * @return what to launch from there
	 * @throws IllegalStateException when the cloud offers nothing to launch from, or an
	 * override names nothing
	 */
	public static LaunchTarget discover(RealCloud cloud) throws IOException, InterruptedException {
		LaunchTarget target = discover(cloud, System.getenv());
		System.out.println("Integration tests in project " + cloud.projectName() + " launch from " + target);
		return target;
	}

	static LaunchTarget discover(RealCloud cloud, Map<String, String> env) throws IOException, InterruptedException {
		return choose(cloud.get("compute", "/flavors/detail").path("flavors"),
				cloud.get("image", "/v2/images?status=active&limit=1000").path("images"),
				cloud.get("network", "/v2.0/networks").path("networks"),
				cloud.get("network", "/v2.0/subnets").path("subnets"), cloud.projectId(), env);
	}

	/** The choice itself, from the lists Nova, Glance and Neutron answered. */
	static LaunchTarget choose(JsonNode flavors, JsonNode images, JsonNode networks, JsonNode subnets, String projectId,
			Map<String, String> env) {
		List<JsonNode> flavorChoices = named(flavors, env.get("STACKGATE_IT_FLAVOR"), "STACKGATE_IT_FLAVOR");
		List<JsonNode> imageChoices = named(images, env.get("STACKGATE_IT_IMAGE"), "STACKGATE_IT_IMAGE").stream()
			.sorted(Comparator.comparing((JsonNode image) -> image.path("created_at").asString()))
			.toList();
		Flavor flavor = null;
		Image image = null;
		for (JsonNode candidate : flavorChoices.stream()
			.filter((f) -> f.path("disk").asInt() > 0 || env.get("STACKGATE_IT_FLAVOR") != null)
			.sorted(Comparator.comparing((JsonNode f) -> f.path("ram").asInt())
				.thenComparing((f) -> f.path("disk").asInt())
				.thenComparing((f) -> f.path("vcpus").asInt()))
			.toList()) {
			Optional<JsonNode> fits = imageChoices.stream().filter((i) -> fits(i, candidate)).findFirst();
			if (fits.isPresent()) {
				flavor = new Flavor(candidate.path("id").asString(), candidate.path("name").asString(),
						candidate.path("vcpus").asInt(), candidate.path("ram").asInt(), candidate.path("disk").asInt());
				image = new Image(fits.get().path("id").asString(), fits.get().path("name").asString());
				break;
			}
		}
		if (flavor == null) {
			throw new IllegalStateException("No active image fits a flavor of this project (with a disk) among "
					+ flavorChoices.size() + " flavors and " + imageChoices.size()
					+ " images: set STACKGATE_IT_FLAVOR and STACKGATE_IT_IMAGE");
		}
		Map<String, List<String>> cidrs = new HashMap<>();
		subnets
			.forEach((subnet) -> cidrs.computeIfAbsent(subnet.path("network_id").asString(), (k) -> new ArrayList<>())
				.add(subnet.path("cidr").asString()));
		List<JsonNode> attachable = named(networks, env.get("STACKGATE_IT_NETWORK"), "STACKGATE_IT_NETWORK").stream()
			.filter((n) -> !n.path("router:external").asBoolean() && cidrs.containsKey(n.path("id").asString())
					&& n.path("status").asString().equals("ACTIVE"))
			.sorted(Comparator.comparing((JsonNode n) -> !n.path("project_id").asString().equals(projectId))
				.thenComparing((n) -> n.path("created_at").asString()))
			.toList();
		if (attachable.isEmpty()) {
			throw new IllegalStateException("No active network with a subnet that this project can attach servers to"
					+ ((env.get("STACKGATE_IT_NETWORK") != null) ? " is named by STACKGATE_IT_NETWORK" : "")
					+ ": create one, or set STACKGATE_IT_NETWORK");
		}
		JsonNode chosen = attachable.get(0);
		Network network = new Network(chosen.path("id").asString(), chosen.path("name").asString(),
				List.copyOf(cidrs.get(chosen.path("id").asString())));
		Optional<String> external = unique(networks).stream()
			.filter((n) -> n.path("router:external").asBoolean())
			.map((n) -> n.path("name").asString())
			.sorted()
			.findFirst();
		return new LaunchTarget(flavor, image, network, external);
	}

	/**
	 * Whether a flavor can boot the image: its memory and disk are at least what the
	 * image asks for.
	 */
	private static boolean fits(JsonNode image, JsonNode flavor) {
		long disk = flavor.path("disk").asLong() * GIB;
		long size = Math.max(image.path("size").asLong(0), image.path("virtual_size").asLong(0));
		return image.path("min_ram").asInt(0) <= flavor.path("ram").asInt()
				&& image.path("min_disk").asInt(0) <= flavor.path("disk").asInt() && (disk == 0 || size <= disk);
	}

	/**
	 * @return the items named by the override (by id or by name), or else those whose
	 * name no other item has
	 */
	private static List<JsonNode> named(JsonNode items, String override, String variable) {
		if (override == null || override.isBlank()) {
			return unique(items);
		}
		List<JsonNode> matching = StreamSupport.stream(items.spliterator(), false)
			.filter((item) -> item.path("id").asString().equals(override)
					|| item.path("name").asString().equals(override))
			.toList();
		if (matching.size() != 1) {
			throw new IllegalStateException(variable + "=" + override + " names " + matching.size()
					+ " objects of this project; it must name exactly one, by name or by id");
		}
		return matching;
	}

	private static List<JsonNode> unique(JsonNode items) {
		Function<JsonNode, String> name = (item) -> item.path("name").asString();
		Map<String, Long> counts = StreamSupport.stream(items.spliterator(), false)
			.collect(Collectors.groupingBy(name, Collectors.counting()));
		return StreamSupport.stream(items.spliterator(), false)
			.filter((item) -> !name.apply(item).isEmpty() && counts.get(name.apply(item)) == 1)
			.toList();
	}

	static boolean inCidr(String ip, String cidr) {
		try {
			String[] parts = cidr.split("/");
			byte[] address = InetAddress.getByName(ip).getAddress();
			byte[] network = InetAddress.getByName(parts[0]).getAddress();
			if (address.length != network.length) {
				return false;
			}
			int hostBits = address.length * 8 - Integer.parseInt(parts[1]);
			return new BigInteger(1, address).shiftRight(hostBits)
				.equals(new BigInteger(1, network).shiftRight(hostBits));
		}
		catch (UnknownHostException ex) {
			return false;
		}
	}

	@Override
	public String toString() {
		return "flavor " + this.flavor.name() + ", image " + this.image.name() + ", network " + this.network.name()
				+ " " + this.network.cidrs();
	}

}
