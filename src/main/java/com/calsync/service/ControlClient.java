package com.calsync.service;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.net.StandardProtocolFamily;
import java.net.UnixDomainSocketAddress;
import java.nio.channels.Channels;
import java.nio.channels.SocketChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;

/** Talks to a running service over its control socket (see {@link ControlServer}). */
public final class ControlClient {
    private final Path socket;
    private final ObjectMapper json = StatusFile.mapper();

    public ControlClient(Path socket) {
        this.socket = socket;
    }

    /** A request object: {@code {"cmd": cmd}}; add fields with {@code put}. */
    public ObjectNode request(String cmd) {
        return json.createObjectNode().put("cmd", cmd);
    }

    /**
     * Sends one request and reads its response.
     *
     * @return empty when no service answers (no socket, or a stale one that refuses connections)
     * @throws IOException when the service accepted but the exchange broke
     */
    public Optional<JsonNode> send(ObjectNode request) throws IOException {
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
        try (channel;
             OutputStream out = Channels.newOutputStream(channel);
             BufferedReader in = new BufferedReader(new InputStreamReader(Channels.newInputStream(channel), StandardCharsets.UTF_8))) {
            out.write((json.writeValueAsString(request) + "\n").getBytes(StandardCharsets.UTF_8));
            out.flush();
            String line = in.readLine();
            if (line == null) {
                throw new IOException("the service closed the connection without answering " + request.get("cmd"));
            }
            return Optional.of(json.readTree(line));
        }
    }

    /** Whether a service answers a ping. */
    public boolean answers() {
        try {
            return send(request("ping")).map(r -> r.path("ok").asBoolean()).orElse(false);
        } catch (IOException e) {
            return false;
        }
    }

    public ObjectMapper json() {
        return json;
    }
}
