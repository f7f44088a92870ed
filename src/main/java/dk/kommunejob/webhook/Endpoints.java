package dk.kommunejob.webhook;

import dk.kommunejob.common.JobsConfig;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.net.Inet6Address;
import java.net.InetAddress;
import java.net.URI;
import java.net.UnknownHostException;
import java.util.Optional;

/**
 * Where a webhook may be sent: an https URL whose host resolves to public addresses only, so that a subscription
 * cannot make the service call into its own network (the database, the cluster, a cloud's metadata address).
 * Checked at registration and again before each delivery, since DNS can change. JOBS_WEBHOOKS_ALLOW_PRIVATE lifts
 * both rules, for tests and dev mode.
 */
@ApplicationScoped
public class Endpoints {

    @Inject
    JobsConfig config;

    /** Why this URL may not receive webhooks (a message key of the bundles), or empty when it may. */
    public Optional<String> refusal(String url) {
        URI uri;
        try {
            uri = new URI(url);
        } catch (java.net.URISyntaxException e) {
            return Optional.of("problem.webhook.url");
        }
        boolean allowPrivate = config.webhooks().allowPrivate();
        if (uri.getHost() == null
                || uri.getRawUserInfo() != null
                || !("https".equals(uri.getScheme()) || (allowPrivate && "http".equals(uri.getScheme())))) {
            return Optional.of("problem.webhook.url");
        }
        if (allowPrivate) {
            return Optional.empty();
        }
        try {
            for (InetAddress address : InetAddress.getAllByName(uri.getHost())) {
                if (!isPublic(address)) {
                    return Optional.of("problem.webhook.private");
                }
            }
        } catch (UnknownHostException e) {
            return Optional.of("problem.webhook.unknown-host");
        }
        return Optional.empty();
    }

    static boolean isPublic(InetAddress address) {
        if (address.isAnyLocalAddress()
                || address.isLoopbackAddress()
                || address.isLinkLocalAddress()
                || address.isSiteLocalAddress()
                || address.isMulticastAddress()) {
            return false;
        }
        byte[] b = address.getAddress();
        if (address instanceof Inet6Address) {
            // Unique local addresses (fc00::/7), the IPv6 private range.
            return (b[0] & 0xfe) != 0xfc;
        }
        // 0.0.0.0/8 ("this network") and 100.64.0.0/10 (carrier-grade NAT, which clusters use too).
        return b[0] != 0 && !((b[0] & 0xff) == 100 && (b[1] & 0xc0) == 64);
    }
}
