package io.stackgate.server.cloud;

/**
 * A Neutron floating IP of the project.
 *
 * @param id the floating IP id
 * @param portId the port it is associated with, or {@code null} when it is not associated
 * @param fixedIp the fixed address of that port it is NATed to, or {@code null}
 * @param floatingIp the floating address
 */
public record FloatingIp(String id, String portId, String fixedIp, String floatingIp) {
}
