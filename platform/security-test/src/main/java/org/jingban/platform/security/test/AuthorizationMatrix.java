package org.jingban.platform.security.test;

import java.util.ArrayList;
import java.util.EnumSet;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import org.jingban.platform.security.Owner;
import org.jingban.platform.security.Role;
import org.jingban.platform.security.openapi.AccessDocumentation;
import org.junit.jupiter.api.DynamicContainer;
import org.junit.jupiter.api.DynamicNode;
import org.junit.jupiter.api.DynamicTest;
import org.springframework.http.HttpMethod;
import org.springframework.http.MediaType;
import org.springframework.test.web.reactive.server.WebTestClient;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The authorization matrix, generated from the service's own API document: for every operation,
 * <ol>
 *   <li>no token → 401;</li>
 *   <li>a role not named in {@code x-jingban-access} → 403;</li>
 *   <li>on one party's object ({@code object: PATH}): another party of the same kind → 404, staff of another
 *       region → 404;</li>
 *   <li>the right party (the object's own party, staff of its region, or any allowed role when there is no
 *       object) → neither 401 nor 403 (nor 404 for an existing object). The request carries no meaningful
 *       body, so 400/415/422 are fine: authorization let it through.</li>
 * </ol>
 * And for every operation with a JSON body, a seeded, bounded <b>hostile-input pass</b> with the caller the matrix
 * lets through: bodies built from the operation's documented schema with every text carrying a control or
 * bidirectional character and every number or boolean a word, a top-level array, truncated JSON — each must be
 * answered 4xx with an {@code application/problem+json} body, never 2xx (nothing invalid stored) and never 5xx.
 * Public operations ({@code x-jingban-public}) must answer without a token. An operation with neither
 * extension fails: every endpoint names who may call it ({@code @Access}). New endpoints are covered
 * without a new test.
 */
public final class AuthorizationMatrix {

    private static final Pattern VARIABLE = Pattern.compile("\\{([^}/]+)}");
    private static final Set<String> WITH_BODY = Set.of("POST", "PUT", "PATCH");

    private final WebTestClient http;
    private final MatrixFixtures fixtures;
    private JsonNode schemas = JsonMapper.builder().build().createObjectNode();

    private AuthorizationMatrix(WebTestClient http, MatrixFixtures fixtures) {
        // A connection per call: the matrix answers many requests with 401/403 before their body is read, and the
        // request after such an answer on a kept-alive connection was seen to wait for the client's 30 s timeout,
        // twice in a row (Reactor Netty's keep-alive bugs, README "Tests: notes"); what is tested here is who may call.
        this.http = http.mutate().defaultHeader(org.springframework.http.HttpHeaders.CONNECTION, "close").build();
        this.fixtures = fixtures;
    }

    /** One container of dynamic tests per operation of {@code /v3/api-docs}. */
    public static Stream<DynamicNode> tests(WebTestClient http, MatrixFixtures fixtures) {
        return new AuthorizationMatrix(http, fixtures).build();
    }

    private Stream<DynamicNode> build() {
        byte[] document = http.get().uri("/v3/api-docs").exchange().expectStatus().isOk()
                .expectBody().returnResult().getResponseBody();
        JsonNode root = JsonMapper.builder().build().readTree(document);
        JsonNode paths = root.path("paths");
        schemas = root.path("components").path("schemas");
        List<DynamicNode> nodes = new ArrayList<>();
        for (Map.Entry<String, JsonNode> path : paths.properties()) {
            for (Map.Entry<String, JsonNode> op : path.getValue().properties()) {
                String method = op.getKey().toUpperCase(Locale.ROOT);
                if (!Set.of("GET", "POST", "PUT", "PATCH", "DELETE").contains(method)
                        || fixtures.skips(method, path.getKey())) {
                    continue;
                }
                nodes.add(DynamicContainer.dynamicContainer(method + " " + path.getKey(),
                        operation(method, path.getKey(), op.getValue())));
            }
        }
        if (nodes.isEmpty()) {
            nodes.add(DynamicTest.dynamicTest("the API document lists operations", () -> {
                throw new AssertionError("/v3/api-docs lists no operation to check");
            }));
        }
        return nodes.stream();
    }

    private Stream<DynamicNode> operation(String method, String path, JsonNode operation) {
        boolean hasBody = WITH_BODY.contains(method) && operation.has("requestBody");
        if (operation.path(AccessDocumentation.PUBLIC).asBoolean(false)) {
            String uri = fill(path, documentedPathExamples(operation, Map.of()));
            return Stream.of(DynamicTest.dynamicTest("public: served without a token",
                    () -> expectNot(call(operation, method, uri, null, hasBody), "no token on a public operation", 401, 403)));
        }
        JsonNode access = operation.get(AccessDocumentation.ACCESS);
        if (access == null) {
            return Stream.of(DynamicTest.dynamicTest("declares who may call it", () -> {
                throw new AssertionError(method + " " + path + " has no @Access: name the roles that may call it");
            }));
        }
        Set<Role> allowed = EnumSet.noneOf(Role.class);
        access.path("roles").forEach(role -> allowed.add(Role.valueOf(role.asString())));
        List<String> scopes = new ArrayList<>();
        access.path("scopes").forEach(scope -> scopes.add(scope.asString()));
        boolean onObject = "PATH".equals(access.path("object").asString("NONE"));

        MatrixFixtures.MatrixObject object = onObject ? fixtures.objectFor(path).orElse(null) : null;
        if (onObject && object == null) {
            return Stream.of(DynamicTest.dynamicTest("has a fixture object", () -> {
                throw new AssertionError(method + " " + path + " addresses one party's object: give MatrixFixtures an object for it");
            }));
        }
        String uri = fill(path, documentedPathExamples(operation, object == null ? Map.of() : object.pathVariables()));
        Owner owner = object == null ? null : object.owner();
        String region = owner != null && owner.region() != null ? owner.region() : "620600";

        List<DynamicTest> tests = new ArrayList<>();
        tests.add(DynamicTest.dynamicTest("no token: 401",
                () -> expect(call(operation, method, uri, null, hasBody), "no token", 401)));

        for (Role wrong : wrongRoles(allowed, scopes)) {
            tests.add(DynamicTest.dynamicTest("wrong role " + wrong + ": 403",
                    () -> expect(call(operation, method, uri, tokenFor(wrong, null, region), hasBody), "role " + wrong, 403)));
        }
        if (owner != null) {
            Role partyRole = partyRole(owner.kind());
            if (allowed.contains(partyRole)) {
                tests.add(DynamicTest.dynamicTest("another " + partyRole + " on this object: 404",
                        () -> expect(call(operation, method, uri, tokenFor(partyRole, another(owner), region), hasBody),
                                "another party", 404)));
                tests.add(DynamicTest.dynamicTest("its own " + partyRole + ": allowed",
                        () -> expectNot(call(operation, method, uri, tokenFor(partyRole, owner, region), hasBody),
                                "its own party", 401, 403, 404)));
                hostile(tests, method, uri, operation, tokenFor(partyRole, owner, region));
                asDocumented(tests, method, path, uri, operation, tokenFor(partyRole, owner, region));
            }
            allowed.stream().filter(Role::staff).findFirst().ifPresent(staff -> {
                String elsewhere = "110000".equals(region) ? "120000" : "110000";
                tests.add(DynamicTest.dynamicTest(staff + " of another region: 404",
                        () -> expect(call(operation, method, uri, tokenFor(staff, null, elsewhere), hasBody),
                                "staff of region " + elsewhere, 404)));
                tests.add(DynamicTest.dynamicTest(staff + " of its region: allowed",
                        () -> expectNot(call(operation, method, uri, tokenFor(staff, null, region), hasBody),
                                "staff of region " + region, 401, 403, 404)));
                if (!allowed.contains(partyRole(owner.kind()))) {
                    hostile(tests, method, uri, operation, tokenFor(staff, null, region));
                    asDocumented(tests, method, path, uri, operation, tokenFor(staff, null, region));
                }
            });
        } else {
            Iterator<Role> first = allowed.iterator();
            if (first.hasNext()) {
                Role role = first.next();
                tests.add(DynamicTest.dynamicTest(role + ": allowed",
                        () -> expectNot(call(operation, method, uri, tokenFor(role, null, region), hasBody), "role " + role, 401, 403)));
                hostile(tests, method, uri, operation, tokenFor(role, null, region));
                asDocumented(tests, method, path, uri, operation, tokenFor(role, null, region));
            } else if (!scopes.isEmpty()) {
                tests.add(DynamicTest.dynamicTest("system client with scope " + scopes.get(0) + ": allowed",
                        () -> expectNot(call(operation, method, uri, TestTokens.system("matrix-client", scopes.get(0)), hasBody),
                                "scope " + scopes.get(0), 401, 403)));
                hostile(tests, method, uri, operation, TestTokens.system("matrix-client", scopes.get(0)));
                asDocumented(tests, method, path, uri, operation, TestTokens.system("matrix-client", scopes.get(0)));
            }
        }
        return tests.stream().map(DynamicNode.class::cast);
    }

    /** The hostile-input pass of one operation with a JSON body (see the class comment). */
    private void hostile(List<DynamicTest> tests, String method, String uri, JsonNode operation, String token) {
        JsonNode content = operation.path("requestBody").path("content");
        if (content.has("text/csv") || content.has("multipart/form-data")) {
            hostileFiles(tests, method, uri, operation, token, content);
        }
        JsonNode schema = content.path("application/json").path("schema");
        if (schema.isMissingNode()) {
            return;
        }
        tests.add(DynamicTest.dynamicTest("hostile input: a 4xx problem, never 2xx or 5xx", () -> {
            java.util.Random random = new java.util.Random(uri.hashCode());
            List<String> bodies = new ArrayList<>();
            JsonNode built = hostileValue(resolve(schema), random, 0);
            if (built.isObject() && !built.isEmpty()) {
                for (int i = 0; i < 3; i++) {
                    bodies.add(hostileValue(resolve(schema), random, 0).toString());
                }
            }
            bodies.add("[]");
            bodies.add("{\"");
            for (String body : bodies) {
                var result = http.method(HttpMethod.valueOf(method)).uri(uri).headers(h -> h.setBearerAuth(token))
                        .contentType(MediaType.APPLICATION_JSON).bodyValue(body).exchange().expectBody().returnResult();
                refused(operation, method, uri, result, "the hostile body " + body);
            }
        }));
    }

    /**
     * The hostile pass of an upload (CSV as {@code text/csv} or a {@code multipart/form-data} file): control and bidi
     * characters, a line that is no CSV, an empty file, a form without its file — each a 4xx problem, never 2xx or 5xx.
     */
    private void hostileFiles(List<DynamicTest> tests, String method, String uri, JsonNode operation, String token,
                              JsonNode content) {
        tests.add(DynamicTest.dynamicTest("hostile upload: a 4xx problem, never 2xx or 5xx", () -> {
            List<String> files = List.of("\u0000注入,\u202E反向,a\u0007b\n1,2,3\n", "不是CSV\u2066\n", "",
                    "票据号码,金额\nA1,1.5e308\n,,,,,,,,,,\n");
            String part = content.path("multipart/form-data").path("schema").path("properties").propertyNames().stream()
                    .findFirst().orElse("file");
            List<WebTestClient.RequestHeadersSpec<?>> requests = new ArrayList<>();
            for (String file : files) {
                if (content.has("text/csv")) {
                    requests.add(http.method(HttpMethod.valueOf(method)).uri(uri).headers(h -> h.setBearerAuth(token))
                            .contentType(MediaType.parseMediaType("text/csv")).bodyValue(file));
                }
                if (content.has("multipart/form-data")) {
                    var parts = new org.springframework.http.client.MultipartBodyBuilder();
                    parts.part(part, file.getBytes(java.nio.charset.StandardCharsets.UTF_8))
                            .filename("hostile.csv").contentType(MediaType.parseMediaType("text/csv"));
                    requests.add(http.method(HttpMethod.valueOf(method)).uri(uri).headers(h -> h.setBearerAuth(token))
                            .contentType(MediaType.MULTIPART_FORM_DATA)
                            .body(org.springframework.web.reactive.function.BodyInserters.fromMultipartData(parts.build())));
                }
            }
            if (content.has("multipart/form-data")) {
                var parts = new org.springframework.http.client.MultipartBodyBuilder();
                parts.part("not-" + part, "x");
                requests.add(http.method(HttpMethod.valueOf(method)).uri(uri).headers(h -> h.setBearerAuth(token))
                        .contentType(MediaType.MULTIPART_FORM_DATA)
                        .body(org.springframework.web.reactive.function.BodyInserters.fromMultipartData(parts.build())));
            }
            for (var request : requests) {
                refused(operation, method, uri, request.exchange().expectBody().returnResult(), "a hostile upload");
            }
        }));
    }

    /** A hostile request's answer: a 4xx (never 2xx, never 5xx), as documented — so a problem body (see documented). */
    private void refused(JsonNode operation, String method, String uri,
                         org.springframework.test.web.reactive.server.EntityExchangeResult<byte[]> result, String what) {
        int status = result.getStatus().value();
        if (status < 400 || status >= 500) {
            throw new AssertionError(method + " " + uri + " answered " + status + " to " + what);
        }
        documented(operation, method, uri, status, result.getResponseHeaders().getContentType(), result.getResponseBody());
    }

    /**
     * The operation called as its document says — required query parameters from their examples, the documented
     * example as the body — by the caller the matrix lets through: the answer must be one the document lists (see
     * {@link #documented}), and a 400 means the document's example is not what the operation accepts.
     */
    private void asDocumented(List<DynamicTest> tests, String method, String path, String uri, JsonNode operation,
                              String token) {
        if (fixtures.notCalledAsDocumented(method, path)) {
            return;
        }
        tests.add(DynamicTest.dynamicTest("as documented: the example is answered as the document says", () -> {
            JsonNode content = operation.path("requestBody").path("content");
            boolean json = content.has("application/json");
            JsonNode media = content.path("application/json");
            JsonNode example = media.has("example") ? media.path("example")
                    : media.path("examples").isObject() && !media.path("examples").isEmpty()
                    ? media.path("examples").iterator().next().path("value")
                    : resolve(media.path("schema")).path("example");
            if (json && example.isMissingNode()) {
                throw new AssertionError(method + " " + path + " documents no example of its body");
            }
            WebTestClient.RequestBodySpec request = http.method(HttpMethod.valueOf(method)).uri(uri + query(operation))
                    .headers(h -> h.setBearerAuth(token));
            var result = (json ? request.contentType(MediaType.APPLICATION_JSON).bodyValue(example.toString()) : request)
                    .exchange().expectBody().returnResult();
            int status = result.getStatus().value();
            documented(operation, method, uri, status, result.getResponseHeaders().getContentType(), result.getResponseBody());
            if (status == 400 && !fixtures.exampleNotYetAccepted(method, path)) {
                throw new AssertionError(method + " " + path + " refuses its own documented example "
                        + (json ? example.toString() : "") + ": "
                        + new String(result.getResponseBody(), java.nio.charset.StandardCharsets.UTF_8));
            }
            if (status != 400 && fixtures.exampleNotYetAccepted(method, path)) {
                throw new AssertionError(method + " " + path + " now accepts its documented example (answered " + status
                        + "): take it off MatrixFixtures.exampleNotYetAccepted");
            }
        }));
    }

    /**
     * The query parameters as documented: the required ones, each with its documented example (or a value of its
     * documented kind), and the optional ones the document gives an example of.
     */
    private String query(JsonNode operation) {
        StringBuilder query = new StringBuilder();
        for (JsonNode parameter : operation.path("parameters")) {
            if (!"query".equals(parameter.path("in").asString(""))
                    || !(parameter.path("required").asBoolean(false) || parameter.has("example"))) {
                continue;
            }
            JsonNode schema = resolve(parameter.path("schema"));
            String name = parameter.path("name").asString();
            String value = parameter.has("example") ? parameter.path("example").asString()
                    : schema.has("example") ? schema.path("example").asString()
                    : schema.has("enum") ? schema.path("enum").path(0).asString()
                    : "date".equals(schema.path("format").asString("")) ? "2026-03-02"
                    : name.toLowerCase(Locale.ROOT).contains("region") || name.contains("区划") ? "620600"
                    : "integer".equals(schema.path("type").asString("")) ? "1" : "示例";
            query.append(query.isEmpty() ? "?" : "&").append(name).append('=').append(value); // the client encodes it
        }
        return query.toString();
    }

    private JsonNode resolve(JsonNode schema) {
        String ref = schema.path("$ref").asString("");
        return ref.startsWith("#/components/schemas/") ? schemas.path(ref.substring("#/components/schemas/".length())) : schema;
    }

    /** Every text with a control or bidi character, every number and boolean a word, nested as documented. */
    private JsonNode hostileValue(JsonNode schema, java.util.Random random, int depth) {
        JsonMapper json = JsonMapper.builder().build();
        String[] texts = {"\u0000注入", "\u202E反向", "a\u0007b", "\u2066隔离"};
        String type = schema.path("type").asString("");
        if (schema.has("properties") || "object".equals(type)) {
            var object = json.createObjectNode();
            if (depth < 3) {
                for (Map.Entry<String, JsonNode> p : schema.path("properties").properties()) {
                    object.set(p.getKey(), hostileValue(resolve(p.getValue()), random, depth + 1));
                }
            }
            return object;
        }
        return switch (type) {
            case "array" -> json.createArrayNode().add(hostileValue(resolve(schema.path("items")), random, depth + 1));
            case "integer", "number", "boolean" -> json.getNodeFactory().textNode("非数值" + random.nextInt(100));
            default -> json.getNodeFactory().textNode(texts[random.nextInt(texts.length)]);
        };
    }

    /** Up to one party role and one staff-like role the operation does not name (a scope-less client too). */
    private static List<Role> wrongRoles(Set<Role> allowed, List<String> scopes) {
        List<Role> wrong = new ArrayList<>();
        for (Role role : List.of(Role.INSURED_PERSON, Role.EMPLOYER_AGENT, Role.INSTITUTION)) {
            if (!allowed.contains(role)) {
                wrong.add(role);
                break;
            }
        }
        for (Role role : List.of(Role.FINANCE, Role.DIRECTOR, Role.REVIEWER, Role.CLERK, Role.OPS)) {
            if (!allowed.contains(role)) {
                wrong.add(role);
                break;
            }
        }
        if (!allowed.contains(Role.SYSTEM)) {
            wrong.add(Role.SYSTEM); // with a scope no operation names
        }
        return wrong;
    }

    private static Role partyRole(Owner.Kind kind) {
        return switch (kind) {
            case PERSON -> Role.INSURED_PERSON;
            case UNIT -> Role.EMPLOYER_AGENT;
            case INSTITUTION -> Role.INSTITUTION;
        };
    }

    private static Owner another(Owner owner) {
        String id = switch (owner.kind()) {
            case PERSON -> TestIdentities.idNumber(977);
            case UNIT -> TestIdentities.unitCode(977);
            case INSTITUTION -> TestIdentities.institutionCode(977);
        };
        if (id.equals(owner.id())) {
            id = switch (owner.kind()) {
                case PERSON -> TestIdentities.idNumber(978);
                case UNIT -> TestIdentities.unitCode(978);
                case INSTITUTION -> TestIdentities.institutionCode(978);
            };
        }
        return new Owner(owner.kind(), id, owner.region());
    }

    private static String tokenFor(Role role, Owner party, String region) {
        return switch (role) {
            case INSURED_PERSON -> TestTokens.insuredPerson(party != null ? party.id() : TestIdentities.idNumber(976));
            case EMPLOYER_AGENT -> TestTokens.employerAgent(party != null ? party.id() : TestIdentities.unitCode(976));
            case INSTITUTION -> TestTokens.institution(party != null ? party.id() : TestIdentities.institutionCode(976));
            case CLERK, REVIEWER, FINANCE, DIRECTOR -> TestTokens.staff(role, "matrix-" + role.name().toLowerCase(), region);
            case OPS -> TestTokens.ops("matrix-ops");
            case SYSTEM -> TestTokens.system("matrix-client", "matrix:no-such-scope");
        };
    }

    /** The fixture's path variables, and for the others the document's example (an identifier of the right kind). */
    private static Map<String, String> documentedPathExamples(JsonNode operation, Map<String, String> fixture) {
        Map<String, String> variables = new java.util.HashMap<>();
        for (JsonNode parameter : operation.path("parameters")) {
            if ("path".equals(parameter.path("in").asString("")) && parameter.has("example")) {
                variables.put(parameter.path("name").asString(), parameter.path("example").asString());
            }
        }
        variables.putAll(fixture);
        return variables;
    }

    private static String fill(String path, Map<String, String> variables) {
        Matcher matcher = VARIABLE.matcher(path);
        StringBuilder uri = new StringBuilder();
        while (matcher.find()) {
            matcher.appendReplacement(uri, Matcher.quoteReplacement(variables.getOrDefault(matcher.group(1), "matrix-x")));
        }
        matcher.appendTail(uri);
        return uri.toString();
    }

    private int call(JsonNode operation, String method, String uri, String token, boolean body) {
        WebTestClient.RequestBodySpec request = http.method(HttpMethod.valueOf(method)).uri(uri)
                .headers(h -> {
                    if (token != null) {
                        h.setBearerAuth(token);
                    }
                });
        JsonNode content = operation.path("requestBody").path("content");
        WebTestClient.RequestHeadersSpec<?> ready;
        if (!body || content.has("application/json") || content.isEmpty()) {
            ready = body ? request.contentType(MediaType.APPLICATION_JSON).bodyValue("{}") : request;
        } else if (content.has("text/csv")) {
            ready = request.contentType(MediaType.parseMediaType("text/csv")).bodyValue(""); // an upload: its own type
        } else {
            var parts = new org.springframework.http.client.MultipartBodyBuilder();
            parts.part(content.path("multipart/form-data").path("schema").path("properties").propertyNames().stream()
                    .findFirst().orElse("file"), new byte[0]).filename("empty.csv");
            ready = request.contentType(MediaType.MULTIPART_FORM_DATA)
                    .body(org.springframework.web.reactive.function.BodyInserters.fromMultipartData(parts.build()));
        }
        var result = ready.exchange().expectBody().returnResult();
        documented(operation, method, uri, result.getStatus().value(), result.getResponseHeaders().getContentType(),
                result.getResponseBody());
        return result.getStatus().value();
    }

    /**
     * The contract: every answer is one the operation's document lists, in the documented content type; a problem
     * answer is {@code application/problem+json} with a {@code type} and a Chinese {@code title}; a JSON success
     * answer has the documented shape.
     */
    private void documented(JsonNode operation, String method, String uri, int status, MediaType type, byte[] body) {
        JsonNode responses = operation.path("responses");
        JsonNode response = responses.has(String.valueOf(status)) ? responses.path(String.valueOf(status))
                : responses.path("default");
        if (response.isMissingNode()) {
            List<String> listed = new ArrayList<>();
            responses.propertyNames().forEach(listed::add);
            throw new AssertionError(method + " " + uri + " answered " + status + ", which its API document does not list "
                    + listed + ": document it (@ApiResponse) or answer as documented");
        }
        if (status >= 400) {
            if (type == null || !type.isCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON)) {
                throw new AssertionError(method + " " + uri + " answered " + status + " as " + type + ", not a problem");
            }
            JsonNode problem = JsonMapper.builder().build().readTree(body);
            if (!problem.path("type").isString() || !problem.path("title").asString("").codePoints()
                    .anyMatch(c -> Character.UnicodeScript.of(c) == Character.UnicodeScript.HAN)) {
                throw new AssertionError(method + " " + uri + " answered a problem without a type or a Chinese title: "
                        + new String(body, java.nio.charset.StandardCharsets.UTF_8));
            }
            return;
        }
        JsonNode content = response.path("content");
        if (content.isEmpty() || body == null || body.length == 0 || type == null) {
            return;
        }
        boolean listed = false;
        for (String documentedType : content.propertyNames()) {
            if (MediaType.parseMediaType(documentedType).isCompatibleWith(type)) {
                listed = true;
                if (type.isCompatibleWith(MediaType.APPLICATION_JSON)) {
                    List<String> errors = new ArrayList<>();
                    conforms(JsonMapper.builder().build().readTree(body), content.path(documentedType).path("schema"), "$",
                            errors, 0);
                    if (!errors.isEmpty()) {
                        throw new AssertionError(method + " " + uri + " answered " + status
                                + " with a body its document does not describe: " + errors);
                    }
                }
            }
        }
        if (!listed) {
            List<String> types = new ArrayList<>();
            content.propertyNames().forEach(types::add);
            throw new AssertionError(method + " " + uri + " answered " + status + " as " + type
                    + "; its document lists " + types);
        }
    }

    /** A small JSON-schema check: types of the value and of every documented property present, recursively. */
    private void conforms(JsonNode value, JsonNode schema, String at, List<String> errors, int depth) {
        schema = resolve(schema);
        if (value == null || value.isNull() || schema.isMissingNode() || depth > 8 || errors.size() > 5) {
            return;
        }
        String type = schema.path("type").asString(schema.has("properties") ? "object" : "");
        boolean ok = switch (type) {
            case "object" -> value.isObject();
            case "array" -> value.isArray();
            case "string" -> value.isString();
            case "integer" -> value.isIntegralNumber();
            case "number" -> value.isNumber();
            case "boolean" -> value.isBoolean();
            default -> true;
        };
        if (!ok) {
            errors.add(at + " is " + value.getNodeType() + ", documented " + type);
            return;
        }
        if (value.isObject()) {
            for (Map.Entry<String, JsonNode> property : schema.path("properties").properties()) {
                if (value.has(property.getKey())) {
                    conforms(value.get(property.getKey()), property.getValue(), at + "." + property.getKey(), errors, depth + 1);
                }
            }
        } else if (value.isArray() && schema.has("items")) {
            for (int i = 0; i < Math.min(3, value.size()); i++) {
                conforms(value.get(i), schema.path("items"), at + "[" + i + "]", errors, depth + 1);
            }
        }
    }

    private static void expect(int status, String who, int expected) {
        if (status != expected) {
            throw new AssertionError(who + ": expected " + expected + " but was " + status);
        }
    }

    private static void expectNot(int status, String who, int... refused) {
        for (int r : refused) {
            if (status == r) {
                throw new AssertionError(who + ": expected to be let through but got " + status);
            }
        }
    }
}
