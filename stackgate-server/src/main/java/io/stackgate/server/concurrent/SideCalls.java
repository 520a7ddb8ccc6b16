package io.stackgate.server.concurrent;

import java.util.concurrent.Executor;

/**
 * Where the calls to OpenStack run that a request or a refresh waits for beside others,
 * so that they run side by side: the three lists of a cold {@code launch-options}, the
 * flavor and image names of a server list while its view loads, a view's Neutron lists
 * while Nova answers. They never queue behind the background work of the shared task
 * executor (see {@link ConcurrencyConfiguration}).
 *
 * @param executor runs such a call
 */
public record SideCalls(Executor executor) {
}
