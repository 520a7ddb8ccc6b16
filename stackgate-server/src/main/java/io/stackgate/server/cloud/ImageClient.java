package io.stackgate.server.cloud;

import java.util.List;

import io.stackgate.api.ImageDto;

/**
 * What the gateway needs from Glance. Failures are {@link CloudException}s.
 */
public interface ImageClient {

	/**
	 * @return every active image the project may boot, all pages walked
	 */
	List<ImageDto> listImages(CallContext context);

}
