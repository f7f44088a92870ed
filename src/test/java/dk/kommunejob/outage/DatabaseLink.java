package dk.kommunejob.outage;

import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * A TCP link between the service and the real PostgreSQL that a test can cut and restore: cut, every
 * open connection is reset and new ones are refused, as when PostgreSQL stops; restored, it forwards
 * again on the same port. The service's datasource and its change listener both go through it.
 */
public class DatabaseLink implements QuarkusTestResourceLifecycleManager {

    private static final InetSocketAddress POSTGRES = new InetSocketAddress("127.0.0.1", 5432);
    private static volatile DatabaseLink current;

    private final Set<Socket> open = ConcurrentHashMap.newKeySet();
    private volatile ServerSocket server;
    private int port;

    @Override
    public Map<String, String> start() {
        current = this;
        listen(0);
        port = server.getLocalPort();
        return Map.of(
                "quarkus.datasource.jdbc.url",
                "jdbc:postgresql://127.0.0.1:%d/postgres?currentSchema=jobs_test".formatted(port));
    }

    @Override
    public void stop() {
        cutNow();
    }

    /** PostgreSQL is gone: open connections are reset, new ones refused. */
    public static void cut() {
        current.cutNow();
    }

    /** PostgreSQL is back on the same address. */
    public static void restore() {
        if (current.server.isClosed()) {
            current.listen(current.port);
        }
    }

    private void cutNow() {
        try {
            server.close();
        } catch (IOException ignored) {
            // closing is all that is wanted
        }
        for (Socket socket : open) {
            reset(socket);
        }
        open.clear();
    }

    private void listen(int onPort) {
        try {
            ServerSocket socket = new ServerSocket();
            socket.setReuseAddress(true);
            socket.bind(new InetSocketAddress(InetAddress.getLoopbackAddress(), onPort));
            server = socket;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        ServerSocket listening = server;
        daemon("database-link", () -> accept(listening));
    }

    private void accept(ServerSocket listening) {
        while (!listening.isClosed()) {
            try {
                Socket client = listening.accept();
                Socket postgres = new Socket();
                postgres.connect(POSTGRES, 2000);
                open.add(client);
                open.add(postgres);
                pump(client, postgres);
                pump(postgres, client);
            } catch (IOException e) {
                // the link was cut
            }
        }
    }

    private void pump(Socket from, Socket to) {
        daemon("database-link-pump", () -> {
            byte[] buffer = new byte[16 * 1024];
            try (InputStream in = from.getInputStream();
                    OutputStream out = to.getOutputStream()) {
                for (int n; (n = in.read(buffer)) >= 0; ) {
                    out.write(buffer, 0, n);
                    out.flush();
                }
            } catch (IOException e) {
                // one side went away: the other goes too
            }
            reset(from);
            reset(to);
        });
    }

    private static void daemon(String name, Runnable work) {
        Thread thread = new Thread(work, name);
        thread.setDaemon(true);
        thread.start();
    }

    private static void reset(Socket socket) {
        try {
            socket.setSoLinger(true, 0);
            socket.close();
        } catch (IOException ignored) {
            // already closed
        }
    }
}
