package dk.kommunejob.problem;

import static dk.kommunejob.TestData.BOOTSTRAP_KEY;
import static dk.kommunejob.TestData.as;
import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.startsWith;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dk.kommunejob.TestData;
import io.quarkiverse.resteasy.problem.InstanceUtils;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** The answers the HTTP layer gives, which are problems like every other error. */
@QuarkusTest
class HttpCornersTest {

    @TestHTTPResource("/")
    URI root;

    @Test
    void aDeleteThatOnlyAcceptsProblemsIsStillAnswered() {
        String name = "Slettes " + System.nanoTime();
        String key = TestData.editorKey(TestData.org().employerId(), name);
        long id = as(BOOTSTRAP_KEY)
                .get("/api/v1/clients")
                .then()
                .extract()
                .<Integer>path("find { it.name == '%s' }.id".formatted(name));
        // A 204 has no body to negotiate: what the client accepts for errors must not turn it into a 406.
        as(BOOTSTRAP_KEY)
                .accept("application/problem+json")
                .delete("/api/v1/clients/" + id)
                .then()
                .statusCode(204);
        as(BOOTSTRAP_KEY)
                .accept("application/problem+json")
                .delete("/api/v1/clients/987654321")
                .then()
                .statusCode(404)
                .contentType("application/problem+json");
        as(key).get("/api/v1/clients").then().statusCode(401);
    }

    @Test
    void aUriOverTheLimitIsAProblem() {
        given().queryParam("q", "x".repeat(5000))
                .get("/api/v1/positions")
                .then()
                .statusCode(414)
                .contentType("application/problem+json")
                .body("type", equalTo(ProblemType.URI_TOO_LONG.uri.toString()))
                .body("detail", containsString("højst 4096"));
    }

    @Test
    void anUndeclaredBodyOverTheServersLimitIsAProblem() throws IOException {
        // Chunked, so no Content-Length tells the API in advance: the HTTP server stops it at 2 MiB. A raw
        // socket, because the server answers (and closes) before the client has sent it all.
        try (Socket socket = new Socket(root.getHost(), root.getPort())) {
            socket.setSoTimeout(10_000);
            OutputStream out = socket.getOutputStream();
            out.write(("POST /api/v1/positions HTTP/1.1\r\nHost: localhost\r\nAuthorization: Bearer " + BOOTSTRAP_KEY
                            + "\r\nContent-Type: application/json\r\nTransfer-Encoding: chunked\r\n\r\n")
                    .getBytes(StandardCharsets.US_ASCII));
            byte[] chunk = ("10000\r\n" + " ".repeat(0x10000) + "\r\n").getBytes(StandardCharsets.US_ASCII);
            try {
                for (int i = 0; i < 48; i++) {
                    out.write(chunk);
                }
                out.write("0\r\n\r\n".getBytes(StandardCharsets.US_ASCII));
            } catch (IOException closedWhileSending) {
                // The answer came first; it is still there to read.
            }
            String answer = readAnswer(socket);
            assertTrue(answer.startsWith("HTTP/1.1 413"), answer);
            assertTrue(answer.contains("application/problem+json"), answer);
            assertTrue(answer.contains(ProblemType.BODY_TOO_LARGE.uri.toString()), answer);
        }
    }

    @Test
    void aDeclaredBodyOverTheServersLimitIsAProblemAndTheConnectionGoesOn() throws IOException {
        // Over the HTTP server's own limit (2 MiB), whose 413 has no body, sent whole before the answer is read,
        // as a client that does not wait for 100-continue does: the rest is read and dropped, not reset.
        try (Socket socket = new Socket(root.getHost(), root.getPort())) {
            socket.setSoTimeout(10_000);
            OutputStream out = socket.getOutputStream();
            int size = 3_000_000;
            out.write(("POST /api/v1/positions HTTP/1.1\r\nHost: localhost\r\nContent-Type: application/json\r\n"
                            + "Accept-Language: en\r\nContent-Length: " + size + "\r\n\r\n")
                    .getBytes(StandardCharsets.US_ASCII));
            out.write(" ".repeat(size).getBytes(StandardCharsets.US_ASCII));
            String answer = readAnswer(socket);
            assertTrue(answer.startsWith("HTTP/1.1 413"), answer);
            assertTrue(answer.contains("application/problem+json"), answer);
            assertTrue(answer.contains("The request body is 3000000 bytes; this API takes at most 1048576."), answer);
            out.write("GET /api/v1/employers HTTP/1.1\r\nHost: localhost\r\n\r\n".getBytes(StandardCharsets.US_ASCII));
            String next = readAnswer(socket);
            assertTrue(next.startsWith("HTTP/1.1 200"), next);
        }
    }

    @ParameterizedTest
    @CsvSource({
        "PUT, /api/v1/positions/%00,",
        "PUT, /api/v1/employers/%00,",
        "PUT, /api/v1/units/1%20x,",
        "POST, /api/v1/positions/1%3Bselect%201/publish, Bearer wrong-key",
        "DELETE, /api/v1/webhooks/%E2%80%AE,",
    })
    void aWriteWithoutAValidKeyIsA401WhateverItsPath(String method, String path, String authorization) {
        var request = given().urlEncodingEnabled(false)
                .contentType("application/json")
                .body("{}");
        if (authorization != null) {
            request.header("Authorization", authorization);
        }
        request.request(method, path)
                .then()
                .statusCode(401)
                .contentType("application/problem+json")
                .header("WWW-Authenticate", containsString("Bearer"))
                .body("type", equalTo(ProblemType.UNAUTHORIZED.uri.toString()))
                .body("instance", startsWith("/api/v1/"));
    }

    @Test
    void aProblemsInstanceIsMadeOfAnyPath() {
        for (String path : new String[] {"/api/v1/positions/\u0000", "/a b/c", "/1;select 1", "/%/{}|^`\\"}) {
            assertEquals(path, InstanceUtils.instanceToPath(Problems.instance(path)));
        }
    }

    @Test
    void aRoleCheckSaysWhatWasRefused() {
        String agency = TestData.agencyKey(TestData.org().agencyId(), "Ikke redaktør");
        as(agency)
                .get("/api/v1/clients")
                .then()
                .statusCode(403)
                .body("type", equalTo(ProblemType.FORBIDDEN.uri.toString()))
                .body("detail", containsString("agency"));
    }

    /** The status line, the headers and as much body as Content-Length says. */
    private static String readAnswer(Socket socket) throws IOException {
        InputStream in = socket.getInputStream();
        StringBuilder head = new StringBuilder();
        while (!head.toString().endsWith("\r\n\r\n")) {
            int b = in.read();
            if (b < 0) {
                break;
            }
            head.append((char) b);
        }
        Matcher length = Pattern.compile("(?i)content-length: *(\\d+)").matcher(head);
        byte[] body = length.find() ? in.readNBytes(Integer.parseInt(length.group(1))) : new byte[0];
        return head + new String(body, StandardCharsets.UTF_8);
    }
}
