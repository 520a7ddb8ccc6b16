package io.stackgate.server.cloud.openstack4j;

import java.time.Instant;

import org.openstack4j.model.compute.Keypair;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import io.stackgate.server.cloud.CallContext;
import io.stackgate.server.cloud.CloudException;
import io.stackgate.server.cloud.LaunchLocks;
import io.stackgate.server.cloud.OpenStackService;

/**
 * {@link LaunchLocks} made of Nova keypairs: a keypair name is unique per user and Nova
 * creates it atomically, answering 409 to the second create. The keypair is never used to
 * log in: its key is a fixed public key whose private half was thrown away. A lock older
 * than {@link #STALE_AFTER} was left by a gateway that stopped while it held it, and is
 * broken.
 */
class KeypairLaunchLocks implements LaunchLocks {

	private static final Logger log = LoggerFactory.getLogger(KeypairLaunchLocks.class);

	private static final String LOCK_PUBLIC_KEY = "ssh-ed25519 "
			+ "AAAAC3NzaC1lZDI1NTE5AAAAIIckwcscXuHXIrZS8PHEchKmwP02S3oswkvlxvvnvgow stackgate-launch-lock";

	private final UpstreamCalls calls;

	KeypairLaunchLocks(UpstreamCalls calls) {
		this.calls = calls;
	}

	@Override
	public boolean tryAcquire(CallContext context, String name) {
		if (create(context, name)) {
			return true;
		}
		if (isStale(context, name)) {
			log.warn("Breaking launch lock {}: it is older than {}", name, STALE_AFTER);
			release(context, name);
			return create(context, name);
		}
		return false;
	}

	private boolean create(CallContext context, String name) {
		try {
			this.calls.write(context, OpenStackService.COMPUTE,
					(os) -> os.compute().keypairs().create(name, LOCK_PUBLIC_KEY));
			return true;
		}
		catch (CloudException ex) {
			// Only a 409 means the keypair exists; a 403 "quota exceeded" is a CONFLICT
			// too, and a failure.
			if (ex.upstreamStatus() != null && ex.upstreamStatus() == 409) {
				return false;
			}
			throw ex;
		}
	}

	private boolean isStale(CallContext context, String name) {
		Keypair keypair = this.calls.read(context, OpenStackService.COMPUTE,
				(os) -> os.compute().keypairs().get(UpstreamPaths.segment(name)));
		return keypair != null && keypair.getCreatedAt() != null
				&& keypair.getCreatedAt().toInstant().plus(STALE_AFTER).isBefore(Instant.now());
	}

	@Override
	public void release(CallContext context, String name) {
		try {
			this.calls.write(context, OpenStackService.COMPUTE, (os) -> {
				new NovaDeletes().deleteKeypair(name);
				return name;
			});
		}
		catch (CloudException ex) {
			if (ex.kind() != CloudException.Kind.NOT_FOUND) {
				throw ex;
			}
		}
	}

}
