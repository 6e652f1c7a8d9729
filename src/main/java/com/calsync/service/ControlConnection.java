package com.calsync.service;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.net.StandardProtocolFamily;
import java.net.UnixDomainSocketAddress;
import java.nio.channels.Channels;
import java.nio.channels.ClosedChannelException;
import java.nio.channels.SocketChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Optional;

/**
 * One exchange on the control socket ({@link ControlServer}): a request line out, the answer
 * line back, within a deadline. The JDK alone, so the command line's quick path can use it
 * before any library loads; {@link ControlClient} adds Jackson on top.
 */
public final class ControlConnection {
    /** How long a request may wait for its answer by default, unless it asks to wait for a sync. */
    public static final Duration ANSWER_TIMEOUT = Duration.ofSeconds(15);

    private ControlConnection() {
    }

    /**
     * Sends {@code requestLine} (one JSON object, no line break) and reads the answer line.
     *
     * @param command the request's command, for messages ({@code "status"})
     * @param timeout how long to wait for the answer; null waits as long as it takes (a sync with {@code wait})
     * @return empty when no service answers (no socket, or a stale one that refuses connections)
     * @throws IOException when the service accepted but the exchange broke or took too long
     */
    public static Optional<String> exchange(Path socket, String requestLine, String command, Duration timeout) throws IOException {
        if (!Files.exists(socket)) {
            return Optional.empty();
        }
        SocketChannel channel;
        try {
            channel = SocketChannel.open(StandardProtocolFamily.UNIX);
            channel.connect(UnixDomainSocketAddress.of(socket));
        } catch (IOException e) {
            return Optional.empty();
        }
        // Unix channels have no read timeout; closing the channel ends the blocked read instead
        Thread closer = timeout == null ? null : new Thread(() -> {
            try {
                Thread.sleep(timeout.toMillis());
                channel.close();
            } catch (InterruptedException | IOException e) {
                // answered in time, or closed already
            }
        }, "calsync-control-timeout");
        if (closer != null) {
            closer.setDaemon(true);
            closer.start();
        }
        try (channel;
             OutputStream out = Channels.newOutputStream(channel);
             BufferedReader in = new BufferedReader(new InputStreamReader(Channels.newInputStream(channel), StandardCharsets.UTF_8))) {
            out.write((requestLine + "\n").getBytes(StandardCharsets.UTF_8));
            out.flush();
            String line = in.readLine();
            if (line == null) {
                throw new IOException("the service closed the connection without answering " + command);
            }
            return Optional.of(line);
        } catch (ClosedChannelException e) {
            throw new IOException("CalSync accepted the connection on " + socket + " but did not answer " + command
                    + (timeout == null ? "" : " within " + timeout.toSeconds() + " s") + "; it may be stuck (`calsync logs`)", e);
        } finally {
            if (closer != null) {
                closer.interrupt();
            }
        }
    }
}
