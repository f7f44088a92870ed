package dk.kommunejob.webhook;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.net.InetAddress;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Which addresses a webhook may be sent to: public ones only (the test profile lifts the rule for its receiver). */
class EndpointsTest {

    @Test
    void privateLoopbackLinkLocalAndSharedAddressesAreRefused() throws Exception {
        for (String address : List.of(
                "127.0.0.1",
                "10.1.2.3",
                "172.16.0.9",
                "192.168.1.1",
                "169.254.169.254",
                "0.0.0.0",
                "100.64.0.1",
                "224.0.0.1",
                "::1",
                "fe80::1",
                "fd12:3456::1",
                "::ffff:127.0.0.1")) {
            assertEquals(false, Endpoints.isPublic(InetAddress.getByName(address)), address);
        }
        for (String address : List.of("91.214.40.10", "8.8.8.8", "100.128.0.1", "2a00:1450:400f:80d::200e")) {
            assertEquals(true, Endpoints.isPublic(InetAddress.getByName(address)), address);
        }
    }
}
