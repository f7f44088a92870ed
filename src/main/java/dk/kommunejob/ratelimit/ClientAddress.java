package dk.kommunejob.ratelimit;

import dk.kommunejob.common.JobsConfig;
import io.netty.handler.ipfilter.IpFilterRuleType;
import io.netty.handler.ipfilter.IpSubnetFilterRule;
import io.netty.util.NetUtil;
import io.vertx.core.http.HttpServerRequest;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.util.List;

/**
 * The address a caller without a key is counted by: the connection's own, or, when that connection comes from a
 * trusted proxy ({@code jobs.rate-limit.trusted-proxies}), the nearest address in {@code X-Forwarded-For} that is
 * not one of those proxies. Read from the right, as each proxy appends what it saw: whatever a client wrote into
 * the header itself stands to the left and is never believed. (Quarkus' own forwarding support takes the leftmost
 * address, which a client can set.)
 */
@ApplicationScoped
public class ClientAddress {

    private final List<IpSubnetFilterRule> trusted;

    @Inject
    ClientAddress(JobsConfig config) {
        this(config.rateLimit().trustedProxies().orElse(List.of()));
    }

    ClientAddress(List<String> trustedProxies) {
        this.trusted = trustedProxies.stream().map(ClientAddress::rule).toList();
    }

    public String of(HttpServerRequest request) {
        return of(
                request.remoteAddress().hostAddress(),
                String.join(",", request.headers().getAll("X-Forwarded-For")));
    }

    /** The caller's address, from the connection's peer and the X-Forwarded-For header (empty when none). */
    String of(String peer, String forwardedFor) {
        if (trusted.isEmpty() || !trusted(peer) || forwardedFor.isBlank()) {
            return peer;
        }
        String[] hops = forwardedFor.split(",");
        String nearest = peer;
        for (int i = hops.length - 1; i >= 0; i--) {
            String hop = hops[i].strip();
            if (hop.isEmpty()) {
                continue;
            }
            nearest = hop;
            if (!trusted(hop)) {
                break;
            }
        }
        return nearest;
    }

    private boolean trusted(String address) {
        InetAddress ip = NetUtil.createInetAddressFromIpAddressString(address);
        if (ip == null) {
            return false;
        }
        InetSocketAddress socket = new InetSocketAddress(ip, 0);
        return trusted.stream().anyMatch(rule -> rule.matches(socket));
    }

    /** "10.0.0.0/8", "fd00::/8" or one address. */
    private static IpSubnetFilterRule rule(String proxy) {
        String[] parts = proxy.strip().split("/", 2);
        InetAddress ip = NetUtil.createInetAddressFromIpAddressString(parts[0]);
        if (ip == null) {
            throw new IllegalArgumentException(
                    "jobs.rate-limit.trusted-proxies: not an address or CIDR range: " + proxy);
        }
        int bits = parts.length == 2 ? Integer.parseInt(parts[1]) : ip.getAddress().length * 8;
        return new IpSubnetFilterRule(ip, bits, IpFilterRuleType.ACCEPT);
    }
}
