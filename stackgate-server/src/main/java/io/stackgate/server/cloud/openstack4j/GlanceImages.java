package io.stackgate.server.cloud.openstack4j;

import java.util.List;

import org.openstack4j.model.image.v2.Image;

import io.stackgate.api.ImageDto;
import io.stackgate.server.cloud.CallContext;
import io.stackgate.server.cloud.ImageClient;
import io.stackgate.server.cloud.OpenStackService;

/**
 * {@link ImageClient} on openstack4j's Glance v2 API.
 */
class GlanceImages implements ImageClient {

	private final UpstreamCalls calls;

	GlanceImages(UpstreamCalls calls) {
		this.calls = calls;
	}

	@Override
	public List<ImageDto> listImages(CallContext context) {
		List<Image> images = this.calls.read(context, OpenStackService.IMAGE, (os) -> Pages.walk((query) -> {
			query.put("status", "active");
			return os.imagesV2().list(query);
		}, Image::getId));
		return images.stream().map(ModelMapper::image).toList();
	}

}
