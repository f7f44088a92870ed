package dk.kommunejob.ratelimit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.List;
import org.junit.jupiter.api.Test;

class ClientAddressTest {

    private final ClientAddress behindIngress = new ClientAddress(List.of("10.0.0.0/8", "fd00::/8"));

    @Test
    void withoutTrustedProxiesTheConnectionsAddressCountsWhateverTheHeaderSays() {
        assertEquals("10.1.2.3", new ClientAddress(List.of()).of("10.1.2.3", "203.0.113.9"));
    }

    @Test
    void fromATrustedProxyTheNearestAddressThatIsNotOneCounts() {
        assertEquals("203.0.113.9", behindIngress.of("10.1.2.3", "203.0.113.9"));
        // Two proxies in a row (a CDN's, then the Ingress'); and IPv6.
        assertEquals("203.0.113.9", behindIngress.of("10.1.2.3", "203.0.113.9, 10.7.7.7"));
        assertEquals("2001:db8::5", behindIngress.of("fd00::1", "2001:db8::5"));
    }

    @Test
    void whatAClientWroteIntoTheHeaderItselfIsNeverBelieved() {
        // The client sent "X-Forwarded-For: 192.0.2.1"; the Ingress appended the address it saw.
        assertEquals("203.0.113.9", behindIngress.of("10.1.2.3", "192.0.2.1, 203.0.113.9"));
        assertEquals("203.0.113.9", behindIngress.of("10.1.2.3", "192.0.2.1,203.0.113.9,"));
    }

    @Test
    void aConnectionFromElsewhereIsCountedByItsOwnAddress() {
        assertEquals("203.0.113.9", behindIngress.of("203.0.113.9", "192.0.2.1"));
        assertEquals("10.1.2.3", behindIngress.of("10.1.2.3", ""));
    }

    @Test
    void aSettingThatIsNotAnAddressIsRefusedAtStart() {
        IllegalArgumentException refused =
                assertThrows(IllegalArgumentException.class, () -> new ClientAddress(List.of("ingress.local")));
        assertEquals(
                "jobs.rate-limit.trusted-proxies: not an address or CIDR range: ingress.local", refused.getMessage());
    }
}
