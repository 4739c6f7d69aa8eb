package dev.relock.index;

import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.InterruptedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.SocketAddress;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import javax.net.SocketFactory;

/**
 * Keeps at most {@link #LOCAL_CONNECTS} new connections waiting for each server on this
 * machine or the local network to take them; connections elsewhere are not held back. A new
 * connection waits while so many others are open but not yet answered.
 *
 * <p>A small server keeps a short queue of connections it has not accepted yet: Python's
 * {@code http.server}, the usual way to serve a PEP 503 tree, queues five. relock asks for
 * dozens of pages at once, and {@code http.server} answers with HTTP/1.0, a new connection per
 * request; when the queue is full the kernel drops the connection request silently and the
 * client sends it again only after a second. A warm compile of a 23-pin project took 1.4 s
 * instead of 0.3 s that way. Holding back new connections until the server has answered on them
 * avoids it (a place is not given back after a fixed time instead: {@code http.server} under
 * load takes longer than a few milliseconds to take a connection), and requests on connections
 * already open (HTTP/1.1 keep-alive, HTTP/2) are never held. A server across the internet is a real one with a long queue, where waiting a round
 * trip per few connections would only cost time.
 */
final class ConnectGate extends SocketFactory {
    /** New connections to one local server not yet answered: as many as Python's queue holds. */
    static final int LOCAL_CONNECTS = 5;

    /** How long a connection waits for its turn before it is opened regardless. */
    static final Duration WAIT_LIMIT = Duration.ofSeconds(2);

    static final ConnectGate INSTANCE = new ConnectGate(LOCAL_CONNECTS, WAIT_LIMIT);

    /** One gate per server: per address and port, as each listening socket has its own queue. */
    private final Map<InetSocketAddress, Semaphore> gates = new ConcurrentHashMap<>();

    private final int connects;
    private final Duration waitLimit;

    /** A gate of {@code connects} places per server; a connection waits {@code waitLimit} for one at most. */
    ConnectGate(int connects, Duration waitLimit) {
        this.connects = connects;
        this.waitLimit = waitLimit;
    }

    /** Whether connections to {@code address} are held back: loopback, link-local and private addresses. */
    static boolean isLocal(InetAddress address) {
        return address.isLoopbackAddress() || address.isLinkLocalAddress() || address.isSiteLocalAddress()
                || address.isAnyLocalAddress();
    }

    @Override
    public Socket createSocket() {
        return new GatedSocket();
    }

    @Override
    public Socket createSocket(String host, int port) throws IOException {
        Socket socket = createSocket();
        socket.connect(new InetSocketAddress(host, port));
        return socket;
    }

    @Override
    public Socket createSocket(String host, int port, InetAddress localHost, int localPort) throws IOException {
        Socket socket = createSocket();
        socket.bind(new InetSocketAddress(localHost, localPort));
        socket.connect(new InetSocketAddress(host, port));
        return socket;
    }

    @Override
    public Socket createSocket(InetAddress host, int port) throws IOException {
        Socket socket = createSocket();
        socket.connect(new InetSocketAddress(host, port));
        return socket;
    }

    @Override
    public Socket createSocket(InetAddress address, int port, InetAddress localAddress, int localPort)
            throws IOException {
        Socket socket = createSocket();
        socket.bind(new InetSocketAddress(localAddress, localPort));
        socket.connect(new InetSocketAddress(address, port));
        return socket;
    }

    /** The gate for {@code endpoint}; empty when connections to it are not held back. */
    private Optional<Semaphore> gate(SocketAddress endpoint) {
        if (endpoint instanceof InetSocketAddress inet && inet.getAddress() != null && isLocal(inet.getAddress())) {
            return Optional.of(gates.computeIfAbsent(inet, a -> new Semaphore(connects)));
        }
        return Optional.empty();
    }

    /**
     * A socket that, to a local address, opens only in its turn at that address's gate and keeps
     * its place until the server first answers on it (proof that the server took it off its
     * queue) or until it is closed.
     */
    private final class GatedSocket extends Socket {
        private final AtomicReference<Semaphore> held = new AtomicReference<>();

        @Override
        public void connect(SocketAddress endpoint, int timeout) throws IOException {
            Optional<Semaphore> gate = gate(endpoint);
            try {
                // A turn that does not come (connections that hang until their own timeout) is
                // not waited for long: past the limit the connection is opened anyway.
                if (gate.isPresent() && gate.get().tryAcquire(waitLimit.toMillis(), TimeUnit.MILLISECONDS)) {
                    held.set(gate.get());
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new InterruptedIOException("interrupted while waiting to connect to " + endpoint);
            }
            try {
                super.connect(endpoint, timeout);
            } catch (IOException | RuntimeException e) {
                release();
                throw e;
            }
        }

        @Override
        public InputStream getInputStream() throws IOException {
            InputStream in = super.getInputStream();
            return held.get() == null ? in : new FilterInputStream(in) {
                @Override
                public int read() throws IOException {
                    try {
                        return super.read();
                    } finally {
                        release();
                    }
                }

                @Override
                public int read(byte[] b, int off, int len) throws IOException {
                    try {
                        return super.read(b, off, len);
                    } finally {
                        release();
                    }
                }
            };
        }

        @Override
        public synchronized void close() throws IOException {
            try {
                super.close();
            } finally {
                release();
            }
        }

        /** Gives the place back, once. */
        private void release() {
            Semaphore gate = held.getAndSet(null);
            if (gate != null) {
                gate.release();
            }
        }
    }
}
