package io.stackgate.api;

import com.fasterxml.jackson.annotation.JsonEnumDefaultValue;
import io.swagger.v3.oas.annotations.media.Schema;

/**
 * The status of a Nova server, as Nova names it. {@link #UNKNOWN} stands for any status
 * this version of Stackgate does not know.
 */
@Schema(description = "The status of a Nova server, as Nova names it; UNKNOWN stands for any status this "
		+ "gateway does not know")
public enum ServerStatus {

	ACTIVE, BUILD, DELETED, ERROR, HARD_REBOOT, MIGRATING, PASSWORD, PAUSED, REBOOT, REBUILD, RESCUE, RESIZE,
	REVERT_RESIZE, SHELVED, SHELVED_OFFLOADED, SHUTOFF, SOFT_DELETED, SUSPENDED, VERIFY_RESIZE,

	/**
	 * Any status this version does not know; clients reading a newer gateway's answers
	 * get it too.
	 */
	@JsonEnumDefaultValue
	UNKNOWN;

	/**
	 * Whether a server in this status will not change without a new request: a launch
	 * waits until one.
	 * @return {@code true} for {@link #ACTIVE}, {@link #ERROR}, {@link #SHUTOFF} and
	 * {@link #DELETED}
	 */
	public boolean isSettled() {
		return this == ACTIVE || this == ERROR || this == SHUTOFF || this == DELETED;
	}

	/**
	 * Maps a status string from Nova.
	 * @param novaStatus the status as Nova sends it, may be {@code null}
	 * @return the matching status, or {@link #UNKNOWN}
	 */
	public static ServerStatus fromNova(String novaStatus) {
		if (novaStatus == null) {
			return UNKNOWN;
		}
		for (ServerStatus status : values()) {
			if (status.name().equalsIgnoreCase(novaStatus)) {
				return status;
			}
		}
		return UNKNOWN;
	}

}
