package org.jingban.e2e;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import tools.jackson.databind.json.JsonMapper;

/**
 * A plain HTTP client on one base URL (the gateway's), JSON in and out as maps and lists, the bearer token given per
 * call. Tokens come from the gateway's dev issuer ({@code POST /dev/tokens}, local profile) and are cached per request.
 */
final class Api {

    static final JsonMapper JSON = JsonMapper.builder().build();
    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(3))
            .version(HttpClient.Version.HTTP_1_1).build();

    private final String base;
    private final Map<Map<String, Object>, String> tokens = new ConcurrentHashMap<>();

    Api(String base) {
        this.base = base;
    }

    String base() {
        return base;
    }

    /** The answer: status, raw body and the body read as JSON (maps, lists, strings, numbers; null if not JSON). */
    record Reply(int status, String raw, Object json) {

        @SuppressWarnings("unchecked")
        Map<String, Object> map() {
            return (Map<String, Object>) json;
        }

        @SuppressWarnings("unchecked")
        List<Object> list() {
            return (List<Object>) json;
        }

        /** The body as a map when the status is the expected one; otherwise an assertion error showing the body. */
        Map<String, Object> expect(int expected) {
            if (status != expected) {
                throw new AssertionError("expected HTTP " + expected + " but got " + status + ": " + raw);
            }
            return map();
        }

        @Override
        public String toString() {
            return status + " " + raw;
        }
    }

    Reply get(String path, String token) {
        return send("GET", path, token, null);
    }

    Reply post(String path, String token, Object body) {
        return send("POST", path, token, body);
    }

    Reply put(String path, String token, Object body) {
        return send("PUT", path, token, body);
    }

    Reply send(String method, String path, String token, Object body) {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(base + path)).timeout(Duration.ofSeconds(60))
                .header("Accept", "application/json, application/problem+json, */*;q=0.1");
        if (token != null) {
            request.header("Authorization", "Bearer " + token);
        }
        if (body != null) {
            request.header("Content-Type", "application/json")
                    .method(method, HttpRequest.BodyPublishers.ofString(JSON.writeValueAsString(body), StandardCharsets.UTF_8));
        } else {
            request.method(method, HttpRequest.BodyPublishers.noBody());
        }
        try {
            HttpResponse<String> response = HTTP.send(request.build(), HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
            String raw = response.body();
            Object json = null;
            if (raw != null && !raw.isBlank() && (raw.startsWith("{") || raw.startsWith("["))) {
                json = JSON.readValue(raw, Object.class);
            }
            return new Reply(response.statusCode(), raw, json);
        } catch (IOException e) {
            throw new IllegalStateException(method + " " + path + ": " + e, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /** A dev token from the gateway ({@code POST /dev/tokens}); the request is e.g. {@code {role, subject, regions}}. */
    String token(Map<String, Object> request) {
        return tokens.computeIfAbsent(request, r -> {
            Reply reply = post("/dev/tokens", null, r);
            return (String) reply.expect(200).get("accessToken");
        });
    }

    String person(String idNumber) {
        return token(Map.of("role", "INSURED_PERSON", "subject", "p-" + idNumber.substring(12), "idNumber", idNumber));
    }

    String agent(String uscc) {
        return token(Map.of("role", "EMPLOYER_AGENT", "subject", "agent-" + uscc.substring(10), "unit", uscc));
    }

    String staff(String role, String subject, String region) {
        return token(Map.of("role", role, "subject", subject, "regions", List.of(region)));
    }

    String clerk(String region) {
        return staff("CLERK", "clerk-" + region, region);
    }

    String reviewer(String region) {
        return staff("REVIEWER", "reviewer-" + region, region);
    }

    String ops() {
        return token(Map.of("role", "OPS", "subject", "ops-e2e"));
    }

    String system(String client, String... scopes) {
        return token(Map.of("role", "SYSTEM", "subject", client, "scopes", List.of(scopes)));
    }

    @SuppressWarnings("unchecked")
    static Map<String, Object> map(Object o) {
        return (Map<String, Object>) o;
    }

    @SuppressWarnings("unchecked")
    static List<Map<String, Object>> maps(Object o) {
        return (List<Map<String, Object>>) o;
    }
}
