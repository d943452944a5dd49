package org.jingban.e2e;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * One packaged service ({@code <module>/target/<module>-0.1.0-SNAPSHOT.jar}) running as a JVM of its own, as
 * deploy/local/up.sh starts it: small-JVM flags, settings as {@code -D} properties, output appended to
 * {@code e2e-tests/target/<name>.log}. It keeps its port across restarts, so the gateway's routes stay valid.
 */
final class ServiceJvm {

    /** The flags of up.sh for a stack of several JVMs on two cores (STACK.md "dev flags"). */
    private static final List<String> FLAGS = List.of("-XX:TieredStopAtLevel=1", "-XX:+UseSerialGC", "-Xss512k",
            "-XX:ReservedCodeCacheSize=48m", "-XX:MaxMetaspaceSize=160m", "-XX:CICompilerCount=1", "-Xmx192m",
            "-Duser.timezone=Asia/Shanghai");
    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2))
            .version(HttpClient.Version.HTTP_1_1).build();

    private final String name;
    private final Path jar;
    private final int port;
    private final Map<String, String> properties;
    private final Path log;
    private volatile Process process;
    private int starts;

    ServiceJvm(String name, Path root, int port, Map<String, String> properties) {
        this.name = name;
        this.jar = root.resolve(name).resolve("target").resolve(name + "-0.1.0-SNAPSHOT.jar");
        this.port = port;
        this.properties = properties;
        this.log = root.resolve("e2e-tests").resolve("target").resolve(name + ".log");
    }

    String name() {
        return name;
    }

    int port() {
        return port;
    }

    String url() {
        return "http://localhost:" + port;
    }

    Path log() {
        return log;
    }

    synchronized void start() {
        start(Map.of());
    }

    /**
     * Starts it with {@code extra} settings on top of its own for this start only (a restart without them runs as
     * configured again), e.g. {@code jingban.clock.offset} to run designated-institution-service in the past.
     */
    synchronized void start(Map<String, String> extra) {
        if (!Files.isRegularFile(jar)) {
            throw new IllegalStateException(jar + " is missing: package the services first (./mvnw -pl " + name
                    + " package -DskipTests)");
        }
        List<String> command = new ArrayList<>();
        command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        command.addAll(FLAGS);
        command.add("-Dserver.port=" + port);
        Map<String, String> settings = new java.util.LinkedHashMap<>(properties);
        settings.putAll(extra);
        settings.forEach((key, value) -> command.add("-D" + key + "=" + value));
        command.add("-jar");
        command.add(jar.toString());
        try {
            Files.createDirectories(log.getParent());
            Files.writeString(log, "=== start " + (++starts) + " of " + name + " on port " + port
                            + (extra.isEmpty() ? "" : " with " + extra) + " ===\n",
                    StandardCharsets.UTF_8, starts == 1 ? new java.nio.file.OpenOption[] {java.nio.file.StandardOpenOption.CREATE,
                            java.nio.file.StandardOpenOption.TRUNCATE_EXISTING, java.nio.file.StandardOpenOption.WRITE}
                            : new java.nio.file.OpenOption[] {java.nio.file.StandardOpenOption.APPEND});
            process = new ProcessBuilder(command).redirectErrorStream(true)
                    .redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile())).start();
        } catch (IOException e) {
            throw new IllegalStateException("cannot start " + name, e);
        }
    }

    boolean isAlive() {
        Process p = process;
        return p != null && p.isAlive();
    }

    /**
     * Waits until {@code /actuator/health/liveness} answers 200 (the application context is up and serving); a JVM that
     * exits meanwhile fails at once with the end of its log.
     */
    void awaitLive(Duration max) {
        await("/actuator/health/liveness", "live", max);
    }

    /**
     * Waits until {@code /actuator/health/readiness} answers 200: live, its store reachable and its read models caught
     * up with the events that existed when it started.
     */
    void awaitReady(Duration max) {
        await("/actuator/health/readiness", "ready", max);
    }

    private void await(String path, String what, Duration max) {
        long deadline = System.nanoTime() + max.toNanos();
        while (true) {
            if (!isAlive()) {
                throw new IllegalStateException(name + " exited during start-up; end of " + log + ":\n" + tail(40));
            }
            if (status(path) == 200) {
                return;
            }
            if (System.nanoTime() > deadline) {
                throw new IllegalStateException(name + " not " + what + " within " + max + "; end of " + log + ":\n"
                        + tail(40));
            }
            sleep(300);
        }
    }

    int status(String path) {
        try {
            HttpRequest request = HttpRequest.newBuilder(URI.create(url() + path)).timeout(Duration.ofSeconds(3)).GET().build();
            return HTTP.send(request, HttpResponse.BodyHandlers.discarding()).statusCode();
        } catch (IOException e) {
            return -1;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return -1;
        }
    }

    /** SIGTERM and wait for the graceful shutdown (Spring closes its Kafka clients); SIGKILL after 30 s. */
    synchronized void stop() {
        Process p = process;
        if (p == null) {
            return;
        }
        p.destroy();
        try {
            if (!p.waitFor(30, TimeUnit.SECONDS)) {
                p.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
            }
        } catch (InterruptedException e) {
            p.destroyForcibly();
            Thread.currentThread().interrupt();
        }
        process = null;
    }

    /** SIGKILL: the process dies at once, as in a crash (no shutdown hook, nothing flushed or committed). */
    synchronized void kill() {
        Process p = process;
        if (p == null) {
            return;
        }
        p.destroyForcibly();
        try {
            p.waitFor(10, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        process = null;
    }

    String tail(int lines) {
        try {
            List<String> all = Files.readAllLines(log, StandardCharsets.UTF_8);
            return String.join("\n", all.subList(Math.max(0, all.size() - lines), all.size()));
        } catch (IOException | RuntimeException e) {
            return "(no log: " + e + ")";
        }
    }

    private static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
