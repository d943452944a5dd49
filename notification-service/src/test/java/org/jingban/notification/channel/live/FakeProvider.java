package org.jingban.notification.channel.live;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Executors;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;

/**
 * A provider's HTTP API on a local port (the JDK's HttpServer): subclasses check each request as the provider
 * documents it and answer as the provider does. Answers can be scripted per recipient (throttling, failure codes)
 * before the normal one; every request and every message taken are recorded.
 */
abstract class FakeProvider implements AutoCloseable {

    /** A request as it arrived, with what the fake made of it. */
    record Received(String path, String query, String body, String verdict) {
    }

    private final HttpServer server;
    final List<Received> received = new CopyOnWriteArrayList<>();
    /** Messages the provider took: the recipient address of each. */
    final List<String> accepted = new CopyOnWriteArrayList<>();
    private final Map<String, Deque<String>> scripts = new ConcurrentHashMap<>();
    volatile long delayMillis;

    FakeProvider() {
        try {
            server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
        server.setExecutor(Executors.newFixedThreadPool(2, r -> {
            Thread t = new Thread(r, getClass().getSimpleName());
            t.setDaemon(true);
            return t;
        }));
        server.createContext("/", this::serve);
        server.start();
    }

    String baseUrl() {
        return "http://127.0.0.1:" + server.getAddress().getPort();
    }

    /** The next answers for this recipient, before the normal one: provider error codes. */
    void script(String recipient, String... codes) {
        scripts.computeIfAbsent(recipient, r -> new ArrayDeque<>()).addAll(List.of(codes));
    }

    String nextScripted(String recipient) {
        Deque<String> queue = scripts.get(recipient);
        return queue == null ? null : queue.poll();
    }

    long acceptedFor(String recipient) {
        return accepted.stream().filter(recipient::equals).count();
    }

    /** Answers: status and JSON body. */
    record Answer(int status, String json, String verdict) {
    }

    abstract Answer answer(String method, String path, String query, String body);

    private void serve(HttpExchange exchange) throws IOException {
        try (exchange; InputStream in = exchange.getRequestBody()) {
            String body = new String(in.readAllBytes(), StandardCharsets.UTF_8);
            Answer answer;
            try {
                answer = answer(exchange.getRequestMethod(), exchange.getRequestURI().getPath(),
                        exchange.getRequestURI().getRawQuery(), body);
            } catch (RuntimeException e) {
                answer = new Answer(500, "{\"error\":\"fake failed: " + e.getMessage() + "\"}", "error " + e);
            }
            received.add(new Received(exchange.getRequestURI().getPath(), exchange.getRequestURI().getRawQuery(), body,
                    answer.verdict()));
            if (delayMillis > 0) {
                try {
                    Thread.sleep(delayMillis);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
            }
            byte[] bytes = answer.json().getBytes(StandardCharsets.UTF_8);
            exchange.getResponseHeaders().set("Content-Type", "application/json;charset=utf-8");
            exchange.sendResponseHeaders(answer.status(), bytes.length);
            try (OutputStream out = exchange.getResponseBody()) {
                out.write(bytes);
            }
        }
    }

    /** {@code a=b&c=d} (form or query) decoded, in order. */
    static Map<String, String> form(String encoded) {
        Map<String, String> out = new LinkedHashMap<>();
        if (encoded == null || encoded.isEmpty()) {
            return out;
        }
        for (String pair : encoded.split("&")) {
            int eq = pair.indexOf('=');
            String key = URLDecoder.decode(eq < 0 ? pair : pair.substring(0, eq), StandardCharsets.UTF_8);
            String value = eq < 0 ? "" : URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8);
            if (out.put(key, value) != null) {
                throw new IllegalArgumentException("duplicate parameter " + key);
            }
        }
        return out;
    }

    static String quote(String s) {
        return "\"" + s.replace("\\", "\\\\").replace("\"", "\\\"") + "\"";
    }

    @Override
    public void close() {
        server.stop(0);
    }
}
