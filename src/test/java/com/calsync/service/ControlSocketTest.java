package com.calsync.service;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.net.StandardProtocolFamily;
import java.net.UnixDomainSocketAddress;
import java.nio.channels.ServerSocketChannel;
import java.nio.channels.SocketChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ControlSocketTest {
    @TempDir
    Path dir;

    @Test
    void requestsAndAnswersAreJsonLinesAndTheSocketIsPrivate() throws Exception {
        Path socket = dir.resolve("state/calsync.sock");
        try (ControlServer server = new ControlServer(socket, request -> {
            if (request.path("cmd").asText().equals("boom")) {
                throw new IllegalArgumentException("no boom here");
            }
            return StatusFile.mapper().createObjectNode().put("ok", true).put("echo", request.path("cmd").asText());
        }).start()) {
            assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(socket))).isEqualTo("rw-------");
            assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(socket.getParent()))).isEqualTo("rwx------");
            ControlClient client = new ControlClient(socket);
            assertThat(client.send(client.request("hello")).orElseThrow().path("echo").asText()).isEqualTo("hello");
            var error = client.send(client.request("boom")).orElseThrow();
            assertThat(error.path("ok").asBoolean()).isFalse();
            assertThat(error.path("error").asText()).isEqualTo("no boom here");
            assertThat(client.answers()).isTrue();
        }
        assertThat(socket).doesNotExist();
        assertThat(new ControlClient(socket).send(new ControlClient(socket).request("ping"))).isEmpty();
    }

    @Test
    void aStaleSocketFileIsNotARunningService() throws Exception {
        Path socket = dir.resolve("calsync.sock");
        ServerSocketChannel left = ServerSocketChannel.open(StandardProtocolFamily.UNIX);
        left.bind(UnixDomainSocketAddress.of(socket));
        left.close(); // the file stays, as after kill -9
        assertThat(socket).exists();
        ControlClient client = new ControlClient(socket);
        assertThat(client.send(client.request("ping"))).isEmpty();
        assertThat(client.answers()).isFalse();
    }

    @Test
    void aServiceThatAcceptsButNeverAnswersTimesOutWithAMessage() throws Exception {
        Path socket = dir.resolve("calsync.sock");
        try (ServerSocketChannel stuck = ServerSocketChannel.open(StandardProtocolFamily.UNIX)) {
            stuck.bind(UnixDomainSocketAddress.of(socket));
            Thread acceptor = new Thread(() -> {
                try {
                    SocketChannel c = stuck.accept();
                    Thread.sleep(10_000);
                    c.close();
                } catch (IOException | InterruptedException e) {
                    // test over
                }
            });
            acceptor.setDaemon(true);
            acceptor.start();
            ControlClient client = new ControlClient(socket, Duration.ofMillis(300));
            assertThatThrownBy(() -> client.send(client.request("status"))).isInstanceOf(IOException.class)
                    .hasMessageContaining("did not answer \"status\"").hasMessageContaining("may be stuck");
            acceptor.interrupt();
        }
    }
}
