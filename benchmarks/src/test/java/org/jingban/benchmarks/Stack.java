package org.jingban.benchmarks;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The running local stack ({@code deploy/local/up.sh}) as the benchmarks see it: addresses (system properties
 * {@code bench.gateway}, {@code bench.enrollment}, {@code bench.transfer}) and the gateway's dev token issuer
 * ({@code POST /dev/tokens}, local profile only). Tokens are fetched before the measured phases, never during them.
 */
public final class Stack {

    public static final String GATEWAY = System.getProperty("bench.gateway", "http://localhost:8080");
    public static final String ENROLLMENT = System.getProperty("bench.enrollment", "http://localhost:8081");
    public static final String TRANSFER = System.getProperty("bench.transfer", "http://localhost:8082");
    public static final String DESIGNATION = System.getProperty("bench.designation", "http://localhost:8085");
    public static final String SETTLEMENT = System.getProperty("bench.settlement", "http://localhost:8086");

    private static final Pattern ACCESS_TOKEN = Pattern.compile("\"accessToken\"\\s*:\\s*\"([^\"]+)\"");
    private static final HttpClient CLIENT = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(5)).build();

    private Stack() {
    }

    /** An endless Gatling feeder: each record made by {@code next} (which must be thread-safe) when it is needed. */
    public static java.util.Iterator<java.util.Map<String, Object>> endless(
            java.util.function.Supplier<java.util.Map<String, Object>> next) {
        return new java.util.Iterator<>() {
            @Override
            public boolean hasNext() {
                return true;
            }

            @Override
            public java.util.Map<String, Object> next() {
                return next.get();
            }
        };
    }

    public static int intProperty(String name, int defaultValue) {
        return Integer.parseInt(System.getProperty(name, Integer.toString(defaultValue)));
    }

    public static String property(String name, String defaultValue) {
        return System.getProperty(name, defaultValue);
    }

    /** A dev token for an insured person (subject = their own, so each has its own rate-limit bucket). */
    public static String personTokenRequest(String idNumber, String subject) {
        return "{\"role\":\"INSURED_PERSON\",\"subject\":\"" + subject + "\",\"idNumber\":\"" + idNumber
                + "\",\"validMinutes\":240}";
    }

    public static String staffTokenRequest(String role, String subject, String region) {
        return "{\"role\":\"" + role + "\",\"subject\":\"" + subject + "\",\"regions\":[\"" + region
                + "\"],\"validMinutes\":240}";
    }

    public static String systemTokenRequest(String client, String scope) {
        return "{\"role\":\"SYSTEM\",\"subject\":\"" + client + "\",\"scopes\":[\"" + scope + "\"],\"validMinutes\":240}";
    }

    public static String token(String request) {
        return tokens(List.of(request), 1).get(0);
    }

    /**
     * Fetches many tokens, {@code parallelism} requests at a time. The gateway rate-limits {@code /dev/tokens} per
     * address like any anonymous call (a burst of 60, then 10/s): a 429 is waited out (Retry-After) and retried.
     */
    public static List<String> tokens(List<String> requests, int parallelism) {
        java.util.concurrent.ExecutorService pool = java.util.concurrent.Executors.newFixedThreadPool(parallelism);
        try {
            List<java.util.concurrent.Future<String>> futures = new ArrayList<>(requests.size());
            for (String body : requests) {
                futures.add(pool.submit(() -> fetch(body)));
            }
            List<String> tokens = new ArrayList<>(requests.size());
            for (java.util.concurrent.Future<String> f : futures) {
                tokens.add(f.get());
            }
            return tokens;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        } catch (java.util.concurrent.ExecutionException e) {
            throw new IllegalStateException(e.getCause());
        } finally {
            pool.shutdownNow();
        }
    }

    /** POSTs JSON with a bearer token; the status and the body. */
    public static HttpResponse<String> post(String url, String token, String json) {
        HttpRequest request = HttpRequest.newBuilder(URI.create(url)).timeout(Duration.ofSeconds(30))
                .header("Content-Type", "application/json").header("Authorization", "Bearer " + token)
                .POST(HttpRequest.BodyPublishers.ofString(json)).build();
        try {
            return CLIENT.send(request, HttpResponse.BodyHandlers.ofString());
        } catch (java.io.IOException e) {
            throw new IllegalStateException(url + ": " + e, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private static String fetch(String body) throws java.io.IOException, InterruptedException {
        HttpRequest request = HttpRequest.newBuilder(URI.create(GATEWAY + "/dev/tokens")).timeout(Duration.ofSeconds(30))
                .header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString(body)).build();
        for (int attempt = 0; ; attempt++) {
            HttpResponse<String> r = CLIENT.send(request, HttpResponse.BodyHandlers.ofString());
            if (r.statusCode() == 429 && attempt < 100) {
                Thread.sleep(1000L * Long.parseLong(r.headers().firstValue("Retry-After").orElse("1")));
                continue;
            }
            Matcher m = ACCESS_TOKEN.matcher(r.body());
            if (r.statusCode() != 200 || !m.find()) {
                throw new IllegalStateException("dev token refused (" + r.statusCode() + "): " + r.body());
            }
            return m.group(1);
        }
    }

    /**
     * Fails early with a clear message when the stack is not up, or not ready: a service is ready once its read models
     * have the events that existed when it started ({@code /actuator/health/readiness}).
     */
    public static void requireUp() {
        requireUp(GATEWAY, ENROLLMENT, TRANSFER);
    }

    /** {@link #requireUp()} for the given services' base addresses. */
    public static void requireUp(String... bases) {
        for (String base : bases) {
            try {
                HttpResponse<String> r = CLIENT.send(HttpRequest.newBuilder(URI.create(base + "/actuator/health/readiness"))
                        .timeout(Duration.ofSeconds(5)).build(), HttpResponse.BodyHandlers.ofString());
                if (r.statusCode() != 200) {
                    throw new IllegalStateException(base + "/actuator/health/readiness answered " + r.statusCode() + ": " + r.body());
                }
            } catch (java.io.IOException e) {
                throw new IllegalStateException(base + " is not reachable: start the stack with deploy/local/up.sh", e);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException(e);
            }
        }
    }
}
