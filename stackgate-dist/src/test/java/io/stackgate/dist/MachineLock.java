package io.stackgate.dist;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;

/**
 * A lock over the whole machine for tests that change it (install the package
 * system-wide): other checkouts of the project run the same ITs on the same machine.
 */
final class MachineLock implements AutoCloseable {

	private final FileChannel channel;

	private final FileLock lock;

	private MachineLock(FileChannel channel, FileLock lock) {
		this.channel = channel;
		this.lock = lock;
	}

	/** Blocks until this process holds /run/lock/stackgate-NAME.lock. */
	static MachineLock acquire(String name) {
		try {
			FileChannel channel = FileChannel.open(Path.of("/run/lock/stackgate-" + name + ".lock"),
					StandardOpenOption.CREATE, StandardOpenOption.WRITE);
			return new MachineLock(channel, channel.lock());
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	@Override
	public void close() {
		try {
			lock.release();
			channel.close();
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

}
