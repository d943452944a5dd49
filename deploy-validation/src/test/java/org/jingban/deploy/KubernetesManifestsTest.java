package org.jingban.deploy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;

import com.google.gson.JsonElement;
import com.google.gson.JsonParser;
import com.networknt.schema.InputFormat;
import com.networknt.schema.Schema;
import com.networknt.schema.SchemaRegistry;
import com.networknt.schema.SpecificationVersion;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import tools.jackson.databind.json.JsonMapper;

/**
 * deploy/k8s, rendered per overlay (dev, prod) as Kustomize renders it: every object validates against the schema of
 * its kind — the Kubernetes API's (client-java-api's models, generated from the API's OpenAPI document: unknown
 * fields, missing required fields and wrong types are refused) or, for the operators' custom resources, the subset
 * of their CRD schemas vendored in src/test/resources/schemas/crds — and the rules of issue 20 hold: probes and
 * resources on every Deployment, HPA for the gateway and settlement-service, a PodDisruptionBudget each, only the
 * gateway reachable from outside, each service writing only its own topic.
 */
class KubernetesManifestsTest {

    static final Set<String> APPLICATIONS = Set.of("gateway", "enrollment-service", "transfer-service",
            "offsite-filing-service", "reimbursement-service", "designated-institution-service", "settlement-service",
            "notification-service");
    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final SchemaRegistry SCHEMAS = SchemaRegistry.withDefaultDialect(SpecificationVersion.DRAFT_2020_12);

    static List<Map<String, Object>> render(String overlay) {
        return Kustomize.render(Repository.root().resolve("deploy/k8s/overlays").resolve(overlay));
    }

    @ParameterizedTest
    @ValueSource(strings = {"dev", "prod"})
    void every_rendered_object_validates_against_the_schema_of_its_kind(String overlay) {
        List<Map<String, Object>> docs = render(overlay);
        assertThat(problems(docs)).as(overlay).isEmpty();
        assertThat(docs).as("objects rendered for " + overlay).hasSizeGreaterThan(40);
    }

    @org.junit.jupiter.api.Test
    void a_misspelt_field_a_wrong_type_and_a_missing_field_are_caught() {
        // the checks can fail: the same objects, spoilt in three ways
        List<Map<String, Object>> docs = render("prod");
        Map<String, Object> gateway = byName(docs, "Deployment").get("gateway");
        container(gateway).put("livenesProbe", Map.of("httpGet", Map.of("path", "/actuator/health/liveness")));
        Map<String, Object> topic = byName(docs, "KafkaTopic").values().iterator().next();
        Kustomize.map(topic.get("spec")).put("partitions", "six");
        Map<String, Object> user = byName(docs, "KafkaUser").get("gateway");
        Kustomize.map(user.get("spec")).remove("authentication");
        List<String> problems = problems(docs);
        assertThat(problems).anySatisfy(p -> assertThat(p).startsWith("Deployment/gateway").contains("livenesProbe"));
        assertThat(problems).anySatisfy(p -> assertThat(p).startsWith("KafkaTopic/"));
        assertThat(problems).anySatisfy(p -> assertThat(p).startsWith("KafkaUser/gateway"));
    }

    private static List<String> problems(List<Map<String, Object>> docs) {
        List<String> problems = new ArrayList<>();
        for (Map<String, Object> doc : docs) {
            String id = doc.get("kind") + "/" + Kustomize.metadata(doc).get("name");
            String json = JSON.writeValueAsString(doc);
            String apiVersion = (String) doc.get("apiVersion");
            if (apiVersion.contains("strimzi.io") || apiVersion.contains("mongodb.com")) {
                Schema schema = crdSchema((String) doc.get("kind"));
                schema.validate(json, InputFormat.JSON).forEach(e -> problems.add(id + ": " + e.getMessage()));
            } else {
                try {
                    Class<?> model = model(apiVersion, (String) doc.get("kind"));
                    JsonElement element = JsonParser.parseString(json);
                    model.getMethod("validateJsonElement", JsonElement.class).invoke(null, element);
                } catch (ReflectiveOperationException e) {
                    Throwable cause = e.getCause() == null ? e : e.getCause();
                    problems.add(id + ": " + cause.getMessage());
                }
            }
        }
        return problems;
    }

    @ParameterizedTest
    @ValueSource(strings = {"dev", "prod"})
    void every_application_has_probes_resources_a_disruption_budget_and_a_service(String overlay) {
        List<Map<String, Object>> docs = render(overlay);
        Map<String, Map<String, Object>> deployments = byName(docs, "Deployment");
        assertThat(deployments.keySet()).containsExactlyInAnyOrderElementsOf(APPLICATIONS);
        assertThat(byName(docs, "Service").keySet()).containsAll(APPLICATIONS);
        assertThat(byName(docs, "PodDisruptionBudget").keySet()).containsExactlyInAnyOrderElementsOf(APPLICATIONS);
        deployments.forEach((name, deployment) -> {
            Map<String, Object> container = container(deployment);
            assertThat(container).as(name).containsKeys("livenessProbe", "readinessProbe", "startupProbe");
            assertThat(path(container, "readinessProbe", "httpGet", "path")).as(name).isEqualTo("/actuator/health/readiness");
            assertThat(path(container, "livenessProbe", "httpGet", "path")).as(name).isEqualTo("/actuator/health/liveness");
            assertThat(Kustomize.map(path(container, "resources", "requests"))).as(name).containsKeys("cpu", "memory");
            assertThat(Kustomize.map(path(container, "resources", "limits"))).as(name).containsKey("memory");
            assertThat(path(deployment, "spec", "template", "spec", "securityContext", "runAsNonRoot")).as(name).isEqualTo(true);
            assertThat((String) container.get("image")).as(name).startsWith("registry.example.gov.cn/jingban/" + name + ":");
        });
        Map<String, Map<String, Object>> hpas = byName(docs, "HorizontalPodAutoscaler");
        assertThat(hpas.keySet()).containsExactlyInAnyOrder("gateway", "settlement-service");
        hpas.forEach((name, hpa) -> assertThat(path(hpa, "spec", "scaleTargetRef", "name")).isEqualTo(name));
    }

    @ParameterizedTest
    @ValueSource(strings = {"dev", "prod"})
    void only_the_gateway_is_reachable_from_outside(String overlay) {
        Map<String, Map<String, Object>> policies = byName(render(overlay), "NetworkPolicy");
        Map<String, Object> deny = policies.get("default-deny");
        assertThat(Kustomize.map(path(deny, "spec", "podSelector"))).as("default deny selects every pod").isEmpty();
        assertThat(Kustomize.list(path(deny, "spec", "policyTypes"))).contains("Ingress");
        for (Map<String, Object> policy : policies.values()) {
            for (Object rule : Kustomize.list(path(policy, "spec", "ingress"))) {
                List<?> from = Kustomize.list(Kustomize.map(rule).get("from"));
                if (from.isEmpty()) {
                    // an ingress rule open to any source: only for the gateway's pods
                    assertThat(Kustomize.map(path(policy, "spec", "podSelector", "matchLabels")))
                            .as(String.valueOf(Kustomize.metadata(policy).get("name"))).containsEntry("jingban.org/tier", "gateway");
                }
            }
        }
        // and the gateway's pods carry that tier label, the services' pods the other one
        byName(render(overlay), "Deployment").forEach((name, d) -> assertThat(
                Kustomize.map(path(d, "spec", "template", "metadata", "labels")).get("jingban.org/tier"))
                .as(name).isEqualTo(name.equals("gateway") ? "gateway" : "service"));
    }

    @ParameterizedTest
    @ValueSource(strings = {"dev", "prod"})
    void each_kafka_user_writes_only_its_own_topic_and_dead_letters(String overlay) {
        Map<String, Map<String, Object>> users = byName(render(overlay), "KafkaUser");
        assertThat(users.keySet()).containsExactlyInAnyOrderElementsOf(APPLICATIONS);
        Set<String> topics = byName(render(overlay), "KafkaTopic").values().stream()
                .map(t -> (String) path(t, "spec", "topicName")).collect(Collectors.toCollection(TreeSet::new));
        users.forEach((user, kafkaUser) -> {
            Set<String> written = new TreeSet<>();
            for (Object acl : Kustomize.list(path(kafkaUser, "spec", "authorization", "acls"))) {
                Map<String, Object> a = Kustomize.map(acl);
                if (Kustomize.list(a.get("operations")).contains("Write")) {
                    assertThat(path(a, "resource", "patternType")).as(user + " writes by literal name").isEqualTo("literal");
                    written.add((String) path(a, "resource", "name"));
                }
            }
            String own = user.equals("gateway") ? "jingban.platform.calendar-schedules"
                    : "jingban." + user.replace("-service", "") + ".events";
            assertThat(written).as(user).contains(own);
            assertThat(written.stream().filter(t -> !t.endsWith(".dlt"))).as(user + " writes no other topic").containsExactly(own);
            assertThat(topics).as("topics exist for " + user).containsAll(written);
        });
        byName(render(overlay), "KafkaTopic").values().forEach(t -> {
            assertThat(path(t, "spec", "replicas")).isEqualTo(3);
            assertThat(String.valueOf(path(t, "spec", "config", "min.insync.replicas"))).isEqualTo("2");
        });
    }

    @ParameterizedTest
    @ValueSource(strings = {"dev", "prod"})
    void rendering_here_equals_kubectl_kustomize_where_kubectl_is_installed(String overlay) throws Exception {
        assumeTrue(kubectl(), "kubectl is not installed: the renderer is checked where it is");
        Path dir = Repository.root().resolve("deploy/k8s/overlays").resolve(overlay);
        Process process = new ProcessBuilder("kubectl", "kustomize", dir.toString()).redirectErrorStream(false).start();
        String out;
        try (InputStream in = process.getInputStream()) {
            out = new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
        assertThat(process.waitFor(60, TimeUnit.SECONDS)).isTrue();
        assertThat(process.exitValue()).as(new String(process.getErrorStream().readAllBytes(), StandardCharsets.UTF_8)).isZero();
        List<Map<String, Object>> theirs = new ArrayList<>();
        for (Object doc : Kustomize.yaml().loadAll(out)) {
            theirs.add(Kustomize.map(doc));
        }
        assertThat(normalized(render(overlay))).isEqualTo(normalized(theirs));
    }

    private static boolean kubectl() {
        try {
            Process p = new ProcessBuilder("kubectl", "version", "--client").redirectErrorStream(true).start();
            p.getInputStream().readAllBytes();
            return p.waitFor(30, TimeUnit.SECONDS) && p.exitValue() == 0;
        } catch (IOException e) {
            return false;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }

    /** Objects by kind and name, as JSON (maps compare by content; the order of objects does not matter). */
    private static Map<String, Map<String, Object>> normalized(List<Map<String, Object>> docs) {
        Map<String, Map<String, Object>> out = new java.util.TreeMap<>();
        docs.forEach(d -> out.put(d.get("kind") + "/" + Kustomize.metadata(d).get("name"), d));
        return out;
    }

    private static Schema crdSchema(String kind) {
        return SCHEMAS.getSchema(KubernetesManifestsTest.class.getResourceAsStream("/schemas/crds/" + kind + ".json"));
    }

    private static Class<?> model(String apiVersion, String kind) throws ClassNotFoundException {
        String version = apiVersion.substring(apiVersion.indexOf('/') + 1);
        String prefix = Character.toUpperCase(version.charAt(0)) + version.substring(1);
        return Class.forName("io.kubernetes.client.openapi.models." + prefix + kind);
    }

    static Map<String, Map<String, Object>> byName(List<Map<String, Object>> docs, String kind) {
        Map<String, Map<String, Object>> out = new LinkedHashMap<>();
        docs.stream().filter(d -> kind.equals(d.get("kind")))
                .forEach(d -> out.put((String) Kustomize.metadata(d).get("name"), d));
        return out;
    }

    private static Map<String, Object> container(Map<String, Object> deployment) {
        return Kustomize.map(Kustomize.list(path(deployment, "spec", "template", "spec", "containers")).get(0));
    }

    static Object path(Object node, String... keys) {
        Object current = node;
        for (String key : keys) {
            current = Kustomize.map(current).get(key);
        }
        return current;
    }
}
