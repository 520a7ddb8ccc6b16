package io.stackgate.bench.support;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/** A process's memory as Linux reports it in {@code /proc/<pid>/status}. */
public final class Proc {

	private Proc() {
	}

	/**
	 * @param pid the process, or -1 for none
	 * @param field e.g. {@code VmRSS} (resident now) or {@code VmHWM} (the peak)
	 * @return the field in KiB, -1 when {@code pid} is -1
	 */
	public static long statusKiB(long pid, String field) {
		if (pid <= 0) {
			return -1;
		}
		Path status = Path.of("/proc", String.valueOf(pid), "status");
		try {
			for (String line : Files.readAllLines(status)) {
				if (line.startsWith(field + ":")) {
					return Long.parseLong(line.substring(field.length() + 1).replace("kB", "").trim());
				}
			}
		}
		catch (IOException ex) {
			throw new BenchFailure("cannot read " + status + ": is the gateway still running? " + ex.getMessage());
		}
		throw new BenchFailure("no " + field + " in " + status);
	}

	public static double mib(long kib) {
		return kib / 1024.0;
	}

}
