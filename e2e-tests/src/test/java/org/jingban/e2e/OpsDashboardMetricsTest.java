package org.jingban.e2e;

import static org.assertj.core.api.Assertions.assertThat;

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
import java.util.Properties;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.StringSerializer;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/**
 * The ops dashboard (deploy/grafana/dashboards/jingban-ops.json, provisioned into Grafana as code) asks only for
 * metrics the running system exports: every metric name in every PromQL query of the dashboard (panels and template
 * variables) appears in the {@code /actuator/prometheus} scrape of the gateway or a service of the e2e stack, after
 * the traffic the panels are about — a registration through the gateway (requests per route, case transitions,
 * outbox, consumers) and one record that can never be handled (dead letters).
 */
class OpsDashboardMetricsTest extends E2eTest {

    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(3))
            .version(HttpClient.Version.HTTP_1_1).build();
    private static final Pattern IDENTIFIER = Pattern.compile("[a-zA-Z_:][a-zA-Z0-9_:]*");
    private static final Set<String> PROMQL_WORDS = Set.of("by", "without", "on", "ignoring", "group_left",
            "group_right", "bool", "offset", "and", "or", "unless", "inf", "nan");

    @Test
    void every_query_of_the_ops_dashboard_names_a_metric_the_gateway_or_a_service_exports() throws IOException {
        Map<String, Set<String>> queried = dashboardMetricNames();
        assertThat(queried).as("metric names found in the dashboard's queries").hasSizeGreaterThanOrEqualTo(10);

        // the traffic the panels show: a registration through the gateway (a case, its events, their consumers) ...
        resident(WUWEI, 1988);
        // ... and a record no consumer can handle (not a CloudEvent): each consumer of the topic dead-letters it
        deadLetterOnePoisonRecord("jingban.enrollment.events");

        Set<String> missing = new TreeSet<>();
        Awaitility.await("every dashboard metric in a scrape").atMost(Duration.ofMinutes(2))
                .pollInterval(Duration.ofSeconds(2)).until(() -> {
                    Set<String> exported = exportedMetricNames();
                    missing.clear();
                    queried.keySet().stream().filter(name -> !exported.contains(name)).forEach(missing::add);
                    return missing.isEmpty();
                });
        assertThat(missing).as("dashboard metrics no JVM exports (panels: %s)", queried).isEmpty();
    }

    @Test
    void the_query_parser_finds_metric_names_and_nothing_else() {
        assertThat(metricNames("histogram_quantile(0.99, sum by (le, application, uri) "
                + "(rate(http_server_requests_seconds_bucket{application=~\"$application\", uri!~\"/actuator.*\"}[5m])))"))
                .containsExactly("http_server_requests_seconds_bucket");
        assertThat(metricNames("sum by (application) (rate(a_total{outcome=\"SERVER_ERROR\"}[5m])) / "
                + "sum by (application) (rate(b_seconds_count[5m] offset 1h))"))
                .containsExactlyInAnyOrder("a_total", "b_seconds_count");
        assertThat(metricNames("label_values(http_server_requests_seconds_count, application)"))
                .containsExactly("http_server_requests_seconds_count");
        assertThat(metricNames("max by (application, client_id) (kafka_consumer_fetch_manager_records_lag_max)"))
                .containsExactly("kafka_consumer_fetch_manager_records_lag_max");
    }

    /** Metric name → titles of the panels (or template variables) whose queries name it. */
    static Map<String, Set<String>> dashboardMetricNames() throws IOException {
        Path root = Path.of("").toAbsolutePath().getParent();
        Path dashboard = root.resolve("deploy/grafana/dashboards/jingban-ops.json");
        JsonNode json = Api.JSON.readTree(Files.readString(dashboard, StandardCharsets.UTF_8));
        Map<String, Set<String>> names = new TreeMap<>();
        for (JsonNode panel : json.get("panels")) {
            JsonNode targets = panel.get("targets");
            if (targets == null) {
                continue;
            }
            for (JsonNode target : targets) {
                for (String name : metricNames(target.get("expr").asString())) {
                    names.computeIfAbsent(name, k -> new TreeSet<>()).add(panel.get("title").asString());
                }
            }
        }
        for (JsonNode variable : json.get("templating").get("list")) {
            JsonNode query = variable.get("query");
            String text = query.isObject() ? query.get("query").asString() : query.asString();
            for (String name : metricNames(text)) {
                names.computeIfAbsent(name, k -> new TreeSet<>()).add("$" + variable.get("name").asString());
            }
        }
        return names;
    }

    /** The metric names of a PromQL expression: identifiers that are not functions, keywords or label names. */
    static List<String> metricNames(String expression) {
        String rest = expression.replaceAll("\"(?:[^\"\\\\]|\\\\.)*\"", "\"\"") // string literals
                .replaceAll("\\{[^}]*}", " ")                                   // label matchers
                .replaceAll("\\[[^\\]]*]", " ")                                  // range and subquery durations
                .replaceAll("\\b(by|without|on|ignoring|group_left|group_right)\\s*\\([^)]*\\)", " ") // label lists
                .replaceAll("\\boffset\\s+\\w+", " ")
                .replaceAll("\\b\\d[\\w.]*", " ");                              // numbers and durations
        List<String> names = new ArrayList<>();
        String labelValues = "label_values(";
        if (rest.strip().startsWith(labelValues)) {
            // label_values(metric, label): only the first argument is a metric
            String args = rest.strip().substring(labelValues.length());
            rest = args.substring(0, args.contains(",") ? args.indexOf(',') : args.indexOf(')'));
        }
        Matcher m = IDENTIFIER.matcher(rest);
        while (m.find()) {
            String word = m.group();
            String after = rest.substring(m.end()).stripLeading();
            if (after.startsWith("(") || PROMQL_WORDS.contains(word.toLowerCase()) || names.contains(word)) {
                continue; // a function or aggregation, a keyword, or seen
            }
            names.add(word);
        }
        return names;
    }

    /** Every sample name in the scrapes of the gateway and the services. */
    Set<String> exportedMetricNames() {
        Set<String> names = new TreeSet<>();
        for (ServiceJvm jvm : List.of(stack.gateway, stack.enrollment, stack.transfer, stack.offsiteFiling,
                stack.reimbursement, stack.designation, stack.settlement, stack.notification)) {
            for (String line : scrape(jvm).split("\n")) {
                if (line.isBlank() || line.startsWith("#")) {
                    continue;
                }
                Matcher m = IDENTIFIER.matcher(line);
                if (m.lookingAt()) {
                    names.add(m.group());
                }
            }
        }
        return names;
    }

    private static String scrape(ServiceJvm jvm) {
        HttpRequest request = HttpRequest.newBuilder(URI.create(jvm.url() + "/actuator/prometheus"))
                .timeout(Duration.ofSeconds(10)).header("Accept", "text/plain").GET().build();
        try {
            HttpResponse<String> response = HTTP.send(request, HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
            assertThat(response.statusCode()).as(jvm.name() + " /actuator/prometheus").isEqualTo(200);
            return response.body();
        } catch (IOException e) {
            throw new IllegalStateException(jvm.name() + " scrape: " + e, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private void deadLetterOnePoisonRecord(String topic) {
        Properties p = new Properties();
        p.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, stack.infrastructure.bootstrapServers());
        try (KafkaProducer<String, String> producer = new KafkaProducer<>(p, new StringSerializer(), new StringSerializer())) {
            producer.send(new ProducerRecord<>(topic, "ops-dashboard-probe", "{\"不是\":\"CloudEvent\"}")).get();
        } catch (Exception e) {
            throw new IllegalStateException("poison record to " + topic + ": " + e, e);
        }
    }
}
