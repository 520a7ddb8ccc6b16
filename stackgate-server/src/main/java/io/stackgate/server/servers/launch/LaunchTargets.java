package io.stackgate.server.servers.launch;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;

import org.springframework.stereotype.Component;

import io.stackgate.api.CreateServerRequest;
import io.stackgate.api.FlavorDto;
import io.stackgate.api.ImageDto;
import io.stackgate.api.NetworkDto;
import io.stackgate.api.ProblemDto.FieldErrorDto;
import io.stackgate.server.catalog.LaunchOptionsService;
import io.stackgate.server.cloud.CallContext;
import io.stackgate.server.problem.UnresolvedReferenceException;
import io.stackgate.server.problem.UnworkableRequestException;
import io.stackgate.server.concurrent.Futures;

/**
 * Resolves the flavor, image and networks of a launch request, each given by id or name,
 * and checks that they fit together, before anything is created.
 */
@Component
public class LaunchTargets {

	private final LaunchOptionsService launchOptions;

	LaunchTargets(LaunchOptionsService launchOptions) {
		this.launchOptions = launchOptions;
	}

	/**
	 * What a launch request resolved to.
	 *
	 * @param flavor the flavor
	 * @param image the image
	 * @param networks the networks, in the request's order
	 */
	record Resolved(FlavorDto flavor, ImageDto image, List<NetworkDto> networks) {
	}

	/**
	 * Resolves against the cached lists first; a reference that is not there is looked up
	 * again in fresh lists, as the object may be newer than the cache.
	 */
	Resolved resolve(CallContext context, CreateServerRequest request) {
		try {
			return resolveCached(context, request);
		}
		catch (UnresolvedReferenceException ex) {
			if (ex.isAmbiguous()) {
				throw ex;
			}
			this.launchOptions.forget(context);
			return resolveCached(context, request);
		}
	}

	private Resolved resolveCached(CallContext context, CreateServerRequest request) {
		FlavorDto flavor = find("flavor", "flavor", request.flavor(),
				Futures.join(this.launchOptions.flavors(context)).value(), FlavorDto::id, FlavorDto::name);
		ImageDto image = find("image", "active image", request.image(),
				Futures.join(this.launchOptions.images(context)).value(), ImageDto::id, ImageDto::name);
		List<NetworkDto> visible = Futures.join(this.launchOptions.visibleNetworks(context)).value();
		List<NetworkDto> networks = new ArrayList<>();
		for (int i = 0; i < request.networks().size(); i++) {
			networks.add(find("networks[" + i + "]", "network", request.networks().get(i), visible, NetworkDto::id,
					NetworkDto::name));
		}
		checkFit(flavor, image, networks);
		return new Resolved(flavor, image, networks);
	}

	private static void checkFit(FlavorDto flavor, ImageDto image, List<NetworkDto> networks) {
		List<FieldErrorDto> errors = new ArrayList<>();
		// A flavor with a 0 GiB disk boots with a disk the size of the image: only real
		// sizes are compared.
		if (flavor.disk() > 0 && flavor.disk() < image.minDisk()) {
			errors.add(new FieldErrorDto("flavor", "flavor '" + flavor.name() + "' has a " + flavor.disk()
					+ " GiB disk but image '" + image.name() + "' needs at least " + image.minDisk() + " GiB"));
		}
		if (flavor.ram() < image.minRam()) {
			errors.add(new FieldErrorDto("flavor", "flavor '" + flavor.name() + "' has " + flavor.ram()
					+ " MiB of memory but image '" + image.name() + "' needs at least " + image.minRam() + " MiB"));
		}
		for (int i = 0; i < networks.size(); i++) {
			NetworkDto network = networks.get(i);
			if (network.external() && !network.shared()) {
				errors.add(new FieldErrorDto("networks[" + i + "]",
						"network '" + network.name() + "' is external: servers cannot be attached to it"));
			}
			else if (network.subnets().isEmpty()) {
				errors.add(new FieldErrorDto("networks[" + i + "]",
						"network '" + network.name() + "' has no subnet, so it cannot give the server an address"));
			}
		}
		if (!errors.isEmpty()) {
			throw new UnworkableRequestException(errors);
		}
	}

	private static <T> T find(String field, String kind, String reference, List<T> items, Function<T, String> id,
			Function<T, String> name) {
		for (T item : items) {
			if (reference.equals(id.apply(item))) {
				return item;
			}
		}
		List<T> named = items.stream().filter((item) -> reference.equals(name.apply(item))).toList();
		if (named.size() > 1) {
			throw UnresolvedReferenceException.ambiguous(field, kind, reference, named.stream().map(id).toList());
		}
		if (named.isEmpty()) {
			throw UnresolvedReferenceException.notFound(field, kind, reference);
		}
		return named.get(0);
	}

}
