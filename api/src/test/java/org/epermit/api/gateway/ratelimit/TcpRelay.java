package org.epermit.api.gateway.ratelimit;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * A TCP relay on a loopback port to a server, which a test stops and starts again to cut a service off and
 * bring it back (an outage without touching the server, which other tests may be using).
 */
final class TcpRelay implements AutoCloseable {

    private final String targetHost;
    private final int targetPort;
    private final List<Socket> sockets = new CopyOnWriteArrayList<>();
    private volatile ServerSocket server;
    private int port;

    TcpRelay(String targetHost, int targetPort) {
        this.targetHost = targetHost;
        this.targetPort = targetPort;
    }

    int port() {
        return port;
    }

    /**
     * The relay listens below Linux's ephemeral range (32768–60999 by default): a port the kernel handed out could be
     * taken, while the relay is stopped, as the local port of some outgoing connection of a busy build, and then the
     * relay could not come back on it.
     */
    static final int FIRST_PORT = 20_000;
    static final int PORTS = 12_000;

    /** Listens (again, on the same port after a {@link #stop()}). */
    synchronized TcpRelay start() throws IOException {
        ServerSocket listening = port == 0 ? unusedPort() : rebound(port);
        port = listening.getLocalPort();
        server = listening;
        Thread acceptor = new Thread(() -> accept(listening), "tcp-relay-" + port);
        acceptor.setDaemon(true);
        acceptor.start();
        return this;
    }

    private static ServerSocket unusedPort() throws IOException {
        int first = java.util.concurrent.ThreadLocalRandom.current().nextInt(PORTS);
        IOException last = null;
        for (int i = 0; i < 200; i++) {
            try {
                return bound(FIRST_PORT + (first + i) % PORTS);
            } catch (IOException taken) {
                last = taken;
            }
        }
        throw last;
    }

    /**
     * The port again, after a stop: the kernel may take a moment to release it (a relayed connection closing), so a
     * refusal is tried again for up to ten seconds.
     */
    private static ServerSocket rebound(int port) throws IOException {
        long deadline = System.nanoTime() + java.util.concurrent.TimeUnit.SECONDS.toNanos(10);
        while (true) {
            try {
                return bound(port);
            } catch (java.net.BindException stillTaken) {
                if (System.nanoTime() > deadline) {
                    throw stillTaken;
                }
                try {
                    Thread.sleep(100);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    throw stillTaken;
                }
            }
        }
    }

    private static ServerSocket bound(int port) throws IOException {
        ServerSocket listening = new ServerSocket();
        try {
            listening.setReuseAddress(true);
            listening.bind(new InetSocketAddress(InetAddress.getLoopbackAddress(), port));
            return listening;
        } catch (IOException e) {
            listening.close();
            throw e;
        }
    }

    /** Closes the port and every relayed connection. */
    synchronized void stop() {
        ServerSocket listening = server;
        server = null;
        closeQuietly(listening);
        sockets.forEach(TcpRelay::closeQuietly);
        sockets.clear();
    }

    @Override
    public void close() {
        stop();
    }

    private void accept(ServerSocket listening) {
        while (!listening.isClosed()) {
            try {
                Socket client = listening.accept();
                // listed at once, and closed here if a stop came between the accept and the listing: a connection
                // accepted by a stopped relay must not stay open on its port
                sockets.add(client);
                if (server != listening) {
                    closeQuietly(client);
                    return;
                }
                Socket target = new Socket(targetHost, targetPort);
                sockets.add(target);
                if (server != listening) {
                    closeQuietly(client);
                    closeQuietly(target);
                    return;
                }
                pump(client, target);
                pump(target, client);
            } catch (IOException closed) {
                return;
            }
        }
    }

    private void pump(Socket from, Socket to) {
        Thread pump = new Thread(() -> {
            byte[] buffer = new byte[8192];
            try (InputStream in = from.getInputStream(); OutputStream out = to.getOutputStream()) {
                for (int n; (n = in.read(buffer)) >= 0; ) {
                    out.write(buffer, 0, n);
                    out.flush();
                }
            } catch (IOException closed) {
                // the other side or stop() closed it
            } finally {
                closeQuietly(from);
                closeQuietly(to);
            }
        }, "tcp-relay-pump");
        pump.setDaemon(true);
        pump.start();
    }

    private static void closeQuietly(AutoCloseable closeable) {
        if (closeable != null) {
            try {
                closeable.close();
            } catch (Exception ignored) {
                // closing anyway
            }
        }
    }
}
