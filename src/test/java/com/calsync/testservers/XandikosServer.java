package com.calsync.testservers;

import java.net.URI;
import java.nio.file.Path;
import java.util.List;

/**
 * Xandikos on a free loopback port, serving a temp folder ({@code --defaults} makes the
 * principal {@code /user/} and its calendar home {@code /user/calendars/}). It has no
 * authentication: any credentials work. HTTP/1.1 with keep-alive.
 */
public final class XandikosServer extends LoopbackServer {
    private XandikosServer() {
        super("calsync-xandikos-");
    }

    public static XandikosServer start() {
        Path binary = requireBinary("xandikos");
        return startOnFreePort(() -> startOnce(binary));
    }

    private static XandikosServer startOnce(Path binary) {
        XandikosServer server = new XandikosServer();
        try {
            server.startProcess(List.of(binary.toString(), "-d", server.dataDir.resolve("store").toString(),
                    "-l", "127.0.0.1", "-p", Integer.toString(server.port), "--defaults"),
                    server.baseUrl().resolve("/health"));
            return server;
        } catch (RuntimeException e) {
            server.close();
            throw e;
        }
    }

    @Override
    public String name() {
        return "xandikos";
    }

    @Override
    public String username() {
        return null;
    }

    @Override
    public String password() {
        return null;
    }

    @Override
    public URI principal() {
        return baseUrl().resolve("/user/");
    }

    @Override
    public URI calendarHome() {
        return baseUrl().resolve("/user/calendars/");
    }
}
