package io.mtaprov.core.server;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.net.DatagramSocket;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.util.List;
import java.util.concurrent.CompletionException;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.Test;

class AbstractManagedServerTest {

    /** The smallest real server: binds a UDP socket on start, closes it on stop. */
    static final class EchoLikeServer extends AbstractManagedServer {
        EchoLikeServer(int port) {
            super(new ServerSettings(ServerSettings.LOOPBACK, port, false));
        }

        @Override
        public String id() {
            return "test";
        }

        @Override
        protected String displayName() {
            return "Test server";
        }

        @Override
        protected String protocol() {
            return "TEST/UDP";
        }

        @Override
        protected Run open(ServerSettings s) throws IOException {
            DatagramSocket socket = new DatagramSocket(null);
            socket.setReuseAddress(false);
            try {
                socket.bind(new InetSocketAddress(InetAddress.getByName(s.bindAddress()), s.port()));
            } catch (IOException e) {
                socket.close();
                throw e;
            }
            return socket::close;
        }
    }

    @Test
    void startsStopsAndRestarts() {
        EchoLikeServer server = new EchoLikeServer(0);
        List<ServerState> states = new CopyOnWriteArrayList<>();
        server.addStatusListener(s -> states.add(s.state()));
        server.start().join();
        assertThat(server.status().state()).isEqualTo(ServerState.RUNNING);
        server.stop().join();
        server.start().join();
        server.stop().join();
        assertThat(states).containsSubsequence(ServerState.STARTING, ServerState.RUNNING, ServerState.STOPPING,
                ServerState.STOPPED, ServerState.STARTING, ServerState.RUNNING, ServerState.STOPPING,
                ServerState.STOPPED);
    }

    @Test
    void stopIsIdempotent() {
        EchoLikeServer server = new EchoLikeServer(0);
        server.stop().join();
        server.start().join();
        server.stop().join();
        server.stop().join();
        assertThat(server.status().state()).isEqualTo(ServerState.STOPPED);
    }

    @Test
    void portInUseFailsWithProtocolAndPortNamed() throws IOException {
        try (DatagramSocket taken = new DatagramSocket(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0))) {
            EchoLikeServer server = new EchoLikeServer(taken.getLocalPort());
            assertThatThrownBy(() -> server.start().join()).isInstanceOf(CompletionException.class);
            ServerStatus st = server.status();
            assertThat(st.state()).isEqualTo(ServerState.FAILED);
            assertThat(st.lastError()).contains("TEST/UDP").contains("port " + taken.getLocalPort())
                    .contains("127.0.0.1");
            server.stop().join();
            assertThat(server.status().state()).as("stop keeps FAILED visible").isEqualTo(ServerState.FAILED);
        }
    }

    @Test
    void settingsFromPropertiesDefaultToLoopbackAndGivenPort() {
        ServerSettings d = ServerSettings.fromProperties("tftp", 10069, k -> null);
        assertThat(d).isEqualTo(new ServerSettings("127.0.0.1", 10069, true));
        ServerSettings s = ServerSettings.fromProperties("tftp", 10069,
                k -> switch (k) {
                    case "mtaprov.tftp.port" -> "69";
                    case "mtaprov.tftp.bind" -> "0.0.0.0";
                    case "mtaprov.tftp.autostart" -> "false";
                    default -> null;
                });
        assertThat(s).isEqualTo(new ServerSettings("0.0.0.0", 69, false));
        assertThatThrownBy(() -> new ServerSettings("127.0.0.1", 70000, true))
                .isInstanceOf(IllegalArgumentException.class);
    }
}
