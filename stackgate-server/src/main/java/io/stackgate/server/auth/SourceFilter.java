package io.stackgate.server.auth;

import java.io.IOException;
import java.net.InetAddress;
import java.util.List;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.apache.catalina.util.NetMask;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.web.filter.OncePerRequestFilter;

import io.stackgate.server.problem.ForbiddenException;
import io.stackgate.server.problem.ProblemResponses;

/**
 * Checks where a request comes from, before anything else looks at it: takes the client
 * address (see {@link ClientAddresses}), refuses clients outside
 * {@code stackgate.auth.allowed-networks} (health probes excepted) and hides the identity
 * headers a client may have sent (see {@link IdentityHeaders}).
 */
class SourceFilter extends OncePerRequestFilter {

	private static final Logger log = LoggerFactory.getLogger(SourceFilter.class);

	private final List<NetMask> allowedNetworks;

	SourceFilter(AuthSettings settings) {
		this.allowedNetworks = settings.allowedNetworks();
	}

	@Override
	protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
			throws ServletException, IOException {
		InetAddress client = ClientAddresses.literal(request.getRemoteAddr());
		request.setAttribute(ClientAddresses.ATTRIBUTE, client);
		if (!isAllowed(client) && !Routes.isHealth(request)) {
			log.info("Refused {} {} from {}: not in stackgate.auth.allowed-networks", request.getMethod(),
					Routes.path(request), ClientAddresses.of(request));
			ProblemResponses.write(request, response,
					new ForbiddenException("Requests from this address are not allowed"));
			return;
		}
		chain.doFilter(IdentityHeaders.strip(request), response);
	}

	private boolean isAllowed(InetAddress client) {
		if (this.allowedNetworks.isEmpty()) {
			return true;
		}
		return client != null && this.allowedNetworks.stream().anyMatch((network) -> network.matches(client));
	}

}
