package org.jingban.deploy;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import com.networknt.schema.Error;
import com.networknt.schema.InputFormat;
import com.networknt.schema.Schema;
import com.networknt.schema.SchemaRegistry;
import com.networknt.schema.SpecificationVersion;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

/**
 * deploy/compose/compose.yaml validates against the Compose specification's JSON schema (vendored from docker-compose
 * 1.29.2's compose_spec.json, Apache-2.0) — what {@code docker compose config} checks, without an engine or the CLI —
 * and has what issue 20 asks: a 3-member MongoDB replica set with majority writes, 3 KRaft Kafka nodes with
 * replication factor 3 and min.insync.replicas 2, every service and the gateway, Prometheus scraping them, Grafana
 * with the provisioned dashboard, and a tracing back end every JVM exports to.
 */
class ComposeFileTest {

    private static final Path COMPOSE = Repository.root().resolve("deploy/compose/compose.yaml");

    static Map<String, Object> compose() {
        return Kustomize.readAll(COMPOSE).get(0); // SnakeYAML resolves the x- anchors and << merge keys
    }

    @Test
    void the_compose_file_validates_against_the_compose_specification() {
        Schema schema = composeSchema();
        String json = JsonMapper.builder().build().writeValueAsString(compose());
        List<Error> errors = schema.validate(json, InputFormat.JSON);
        assertThat(errors).extracting(Error::toString).isEmpty();
    }

    @Test
    void a_schema_violation_is_caught() {
        // the check itself can fail: a service with an unknown key and a port of the wrong type is refused
        Schema schema = composeSchema();
        String bad = "{\"services\": {\"gateway\": {\"image\": \"x\", \"restart_policy\": \"always\", \"ports\": [{\"target\": \"eighty\"}]}}}";
        assertThat(schema.validate(bad, InputFormat.JSON)).hasSizeGreaterThanOrEqualTo(2);
    }

    @Test
    void mongodb_is_a_three_member_replica_set_with_majority_writes() {
        Map<String, Object> services = services();
        for (String member : List.of("mongo1", "mongo2", "mongo3")) {
            assertThat(Kustomize.list(Kustomize.map(services.get(member)).get("command"))).contains("--replSet", "rs0");
        }
        String init = String.join(" ", Kustomize.list(Kustomize.map(services.get("mongo-init")).get("command")).stream()
                .map(String::valueOf).toList());
        assertThat(init).contains("mongo1:27017", "mongo2:27017", "mongo3:27017", "defaultWriteConcern: {w: 'majority'}");
        String uri = env("enrollment-service").get("SPRING_MONGODB_URI").toString();
        assertThat(uri).contains("mongo1:27017,mongo2:27017,mongo3:27017", "replicaSet=rs0", "w=majority");
    }

    @Test
    void kafka_is_three_kraft_nodes_with_replication_factor_three_and_two_in_sync() {
        for (String node : List.of("kafka1", "kafka2", "kafka3")) {
            Map<String, Object> env = env(node);
            assertThat(env.get("KAFKA_PROCESS_ROLES")).isEqualTo("broker,controller");
            assertThat(env.get("KAFKA_CONTROLLER_QUORUM_VOTERS")).isEqualTo("1@kafka1:9093,2@kafka2:9093,3@kafka3:9093");
            assertThat(env.get("KAFKA_DEFAULT_REPLICATION_FACTOR")).isEqualTo(3);
            assertThat(env.get("KAFKA_MIN_INSYNC_REPLICAS")).isEqualTo(2);
            assertThat((Integer) env.get("KAFKA_NUM_PARTITIONS")).isGreaterThan(1);
        }
        String topics = String.valueOf(Kustomize.list(Kustomize.map(services().get("kafka-init")).get("command")));
        assertThat(topics).contains("--replication-factor 3", "min.insync.replicas=2");
    }

    @Test
    void every_application_runs_traced_with_json_logs_and_is_scraped_and_dashboarded() throws Exception {
        Map<String, Object> services = services();
        assertThat(services).containsKeys("prometheus", "grafana", "jaeger");
        String prometheus = Files.readString(COMPOSE.resolveSibling("prometheus/prometheus.yml"));
        for (String app : KubernetesManifestsTest.APPLICATIONS) {
            assertThat(services).containsKey(app);
            assertThat((String) Kustomize.map(services.get(app)).get("image")).contains(app + ":");
            Map<String, Object> env = env(app);
            assertThat(env.get("MANAGEMENT_OPENTELEMETRY_TRACING_EXPORT_OTLP_ENDPOINT")).isEqualTo("http://jaeger:4318/v1/traces");
            assertThat(env.get("LOGGING_CONFIG")).isEqualTo("classpath:org/jingban/platform/web/logging/logback-json.xml");
            assertThat(prometheus).contains("\"" + app + ":8080\"");
        }
        List<Object> grafanaVolumes = Kustomize.list(Kustomize.map(services.get("grafana")).get("volumes"));
        assertThat(grafanaVolumes).contains("../grafana/provisioning:/etc/grafana/provisioning:ro",
                "../grafana/dashboards:/var/lib/grafana/dashboards:ro");
        assertThat(COMPOSE.resolveSibling("../grafana/dashboards/jingban-ops.json").normalize()).exists();
        // the logging config the services are told to use exists in the platform
        assertThat(Repository.root().resolve("platform/web/src/main/resources/org/jingban/platform/web/logging/logback-json.xml")).exists();
    }

    /** The vendored schema; its draft-04 style {@code "id"} (unknown to draft 2019-09 validators) read as {@code $id}. */
    static Schema composeSchema() {
        try (var in = ComposeFileTest.class.getResourceAsStream("/schemas/compose-spec.json")) {
            JsonMapper json = JsonMapper.builder().build();
            ObjectNode schema = (ObjectNode) json.readTree(in);
            dropDraft4Ids(schema, false);
            schema.put("$id", "https://jingban.example/schemas/compose-spec.json");
            return SchemaRegistry.withDefaultDialect(SpecificationVersion.DRAFT_2019_09)
                    .getSchema(json.writeValueAsString(schema), InputFormat.JSON);
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    /** Removes the draft-04 {@code id} keywords (not the properties named id, as under {@code properties}). */
    private static void dropDraft4Ids(tools.jackson.databind.JsonNode node, boolean propertyNames) {
        if (node instanceof ObjectNode object) {
            if (!propertyNames && object.has("id") && object.get("id").isString()) {
                object.remove("id");
            }
            object.properties().forEach(e -> dropDraft4Ids(e.getValue(),
                    !propertyNames && (e.getKey().equals("properties") || e.getKey().equals("definitions")
                            || e.getKey().equals("patternProperties"))));
        } else if (node != null && node.isArray()) {
            node.forEach(child -> dropDraft4Ids(child, false));
        }
    }

    private static Map<String, Object> services() {
        return Kustomize.map(compose().get("services"));
    }

    private static Map<String, Object> env(String service) {
        return Kustomize.map(Kustomize.map(services().get(service)).get("environment"));
    }
}
