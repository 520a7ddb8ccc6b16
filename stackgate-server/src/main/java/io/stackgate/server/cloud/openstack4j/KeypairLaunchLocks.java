package io.stackgate.server.cloud.openstack4j;

import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import java.util.Optional;

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
 * than {@link #staleAfter()} was left by a gateway that stopped while it held it, and is
 * broken.
 */
class KeypairLaunchLocks implements LaunchLocks {

	private static final Logger log = LoggerFactory.getLogger(KeypairLaunchLocks.class);

	private static final String LOCK_PUBLIC_KEY = "ssh-ed25519 "
			+ "AAAAC3NzaC1lZDI1NTE5AAAAIIckwcscXuHXIrZS8PHEchKmwP02S3oswkvlxvvnvgow stackgate-launch-lock";

	/**
	 * How long Nova may still take to show a server whose create's answer timed out, and
	 * the clock skew between Nova and the gateways, which compare its time with theirs.
	 */
	private static final Duration NOVA_GRACE = Duration.ofSeconds(30);

	private final UpstreamCalls calls;

	private final Duration staleAfter;

	/**
	 * @param readTimeout the longest a create waits for Nova
	 */
	KeypairLaunchLocks(UpstreamCalls calls, Duration readTimeout) {
		this.calls = calls;
		this.staleAfter = CREATE_WINDOW.plus(readTimeout).plus(NOVA_GRACE);
	}

	@Override
	public Duration staleAfter() {
		return this.staleAfter;
	}

	@Override
	public boolean tryAcquire(CallContext context, String name) {
		if (create(context, name)) {
			return true;
		}
		if (isStale(context, name)) {
			log.warn("Breaking launch lock {}: it is older than {}", name, this.staleAfter);
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
			// Only a 409 means the keypair exists; a 403 over the keypair quota is a
			// failure.
			if (ex.upstreamStatus() != null && ex.upstreamStatus() == 409) {
				return false;
			}
			throw ex;
		}
	}

	private boolean isStale(CallContext context, String name) {
		return takenAt(context, name).filter((taken) -> taken.plus(this.staleAfter).isBefore(Instant.now()))
			.isPresent();
	}

	@Override
	public void releaseIfTakenBy(CallContext context, String name, Instant launched) {
		if (takenAt(context, name).filter((taken) -> !taken.isAfter(launched)).isPresent()) {
			log.info("Removing launch lock {}, left by the launch it guarded", name);
			release(context, name);
		}
	}

	/** Nova's creation time of the lock's keypair, to the second. */
	private Optional<Instant> takenAt(CallContext context, String name) {
		Keypair keypair = this.calls.read(context, OpenStackService.COMPUTE,
				(os) -> os.compute().keypairs().get(UpstreamPaths.segment(name)));
		return Optional.ofNullable(keypair).map(Keypair::getCreatedAt).map(Date::toInstant);
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
