package dev.relock.index;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/**
 * The connection gate against a real local server that takes connections off its queue but
 * answers only when told: new connections wait while {@link ConnectGate#LOCAL_CONNECTS} others
 * are unanswered, and go on as soon as one is answered or closed.
 */
class ConnectGateTest {
    @Test
    void localAddressesAreHeldBackOthersAreNot() throws Exception {
        assertThat(ConnectGate.isLocal(InetAddress.getByName("127.0.0.1"))).isTrue();
        assertThat(ConnectGate.isLocal(InetAddress.getByName("::1"))).isTrue();
        assertThat(ConnectGate.isLocal(InetAddress.getByName("10.1.2.3"))).isTrue();
        assertThat(ConnectGate.isLocal(InetAddress.getByName("192.168.0.10"))).isTrue();
        assertThat(ConnectGate.isLocal(InetAddress.getByName("172.16.5.4"))).isTrue();
        assertThat(ConnectGate.isLocal(InetAddress.getByName("169.254.1.1"))).isTrue();
        assertThat(ConnectGate.isLocal(InetAddress.getByName("151.101.0.223"))).as("a public address").isFalse();
        assertThat(ConnectGate.isLocal(InetAddress.getByName("2a04:4e42::223"))).as("a public address").isFalse();
    }

    @Test
    void aNewConnectionWaitsWhileTheGateIsFullAndGoesOnWhenOneIsAnswered() throws Exception {
        ConnectGate gate = new ConnectGate(ConnectGate.LOCAL_CONNECTS, java.time.Duration.ofMinutes(1));
        try (ServerSocket server = new ServerSocket(0, 50, InetAddress.getLoopbackAddress())) {
            List<Socket> accepted = new ArrayList<>();
            Thread acceptor = new Thread(() -> {
                try {
                    while (true) {
                        Socket s = server.accept();
                        synchronized (accepted) {
                            accepted.add(s);
                        }
                    }
                } catch (java.io.IOException e) {
                    // closed
                }
            });
            acceptor.setDaemon(true);
            acceptor.start();
            InetSocketAddress address = new InetSocketAddress(InetAddress.getLoopbackAddress(), server.getLocalPort());
            List<Socket> open = new ArrayList<>();
            for (int i = 0; i < ConnectGate.LOCAL_CONNECTS; i++) {
                Socket s = gate.createSocket();
                s.connect(address, 5_000);
                open.add(s);
            }
            List<InputStream> streams = new ArrayList<>();
            for (Socket s : open) {
                streams.add(s.getInputStream());
            }

            CompletableFuture<Socket> waiting = connectInBackground(gate, address);
            Thread.sleep(300);
            assertThat(waiting).as("the gate is full: %d connections unanswered", ConnectGate.LOCAL_CONNECTS)
                    .isNotDone();

            // the server answers on the first connection; its reader sees a byte
            Socket first;
            synchronized (accepted) {
                first = accepted.get(0);
            }
            OutputStream answer = first.getOutputStream();
            answer.write('x');
            answer.flush();
            Socket firstClient = open.stream()
                    .filter(s -> s.getLocalPort() == first.getPort()).findFirst().orElseThrow();
            assertThat(streams.get(open.indexOf(firstClient)).read()).isEqualTo('x');

            Socket fifth = waiting.get(1_500, TimeUnit.MILLISECONDS);
            assertThat(fifth.isConnected()).isTrue();

            // closing an unanswered connection also gives its place back
            CompletableFuture<Socket> sixth = connectInBackground(gate, address);
            Thread.sleep(300);
            assertThat(sixth).isNotDone();
            open.get(open.indexOf(firstClient) == 0 ? 1 : 0).close();
            assertThat(sixth.get(1_500, TimeUnit.MILLISECONDS).isConnected()).isTrue();

            for (Socket s : open) {
                s.close();
            }
            fifth.close();
            sixth.join().close();
        }
    }

    @Test
    void aTurnThatDoesNotComeIsNotWaitedForLong() throws Exception {
        ConnectGate gate = new ConnectGate(2, java.time.Duration.ofMillis(200));
        try (ServerSocket server = new ServerSocket(0, 50, InetAddress.getLoopbackAddress())) {
            InetSocketAddress address = new InetSocketAddress(InetAddress.getLoopbackAddress(), server.getLocalPort());
            List<Socket> open = new ArrayList<>();
            for (int i = 0; i < 2; i++) {
                Socket s = gate.createSocket();
                s.connect(address, 5_000);
                s.getInputStream();
                open.add(s);
            }
            // both places are held by connections the server never answers: the third waits the
            // wait limit, then opens anyway
            long started = System.nanoTime();
            Socket third = gate.createSocket();
            third.connect(address, 5_000);
            long waitedMillis = (System.nanoTime() - started) / 1_000_000;
            assertThat(third.isConnected()).isTrue();
            assertThat(waitedMillis).isBetween(150L, 5_000L);
            third.close();
            for (Socket s : open) {
                s.close();
            }
        }
    }

    private static CompletableFuture<Socket> connectInBackground(ConnectGate gate, InetSocketAddress address) {
        return CompletableFuture.supplyAsync(() -> {
            try {
                Socket s = gate.createSocket();
                s.connect(address, 5_000);
                return s;
            } catch (java.io.IOException e) {
                throw new java.io.UncheckedIOException(e);
            }
        });
    }
}
