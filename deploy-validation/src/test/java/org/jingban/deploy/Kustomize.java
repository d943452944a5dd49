package org.jingban.deploy;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;

/**
 * Renders a Kustomize directory as {@code kubectl kustomize} does, for the subset of Kustomize that deploy/k8s uses:
 * {@code resources} (files and directories), {@code components}, {@code patches} (strategic-merge patch files; lists
 * of maps merged by {@code name}), {@code namespace}, {@code labels} (not on selectors), {@code images},
 * {@code replicas}, {@code configMapGenerator} / {@code secretGenerator} ({@code files}, {@code literals}) with
 * {@code generatorOptions.disableNameSuffixHash}. Anything else in a kustomization fails the rendering, so that a
 * manifest this renderer does not understand cannot pass the checks unread. Where {@code kubectl} is installed,
 * {@link KubernetesManifestsTest} compares this rendering with its own.
 */
final class Kustomize {

    private static final List<String> KNOWN = List.of("apiVersion", "kind", "resources", "components", "patches",
            "namespace", "labels", "images", "replicas", "configMapGenerator", "secretGenerator", "generatorOptions");

    private Kustomize() {
    }

    static List<Map<String, Object>> render(Path dir) {
        Map<String, Object> k = kustomization(dir);
        List<Map<String, Object>> out = new ArrayList<>();
        for (Object r : list(k.get("resources"))) {
            Path p = dir.resolve((String) r).normalize();
            out.addAll(Files.isDirectory(p) ? render(p) : readAll(p));
        }
        for (Object c : list(k.get("components"))) {
            Path component = dir.resolve((String) c).normalize();
            Map<String, Object> ck = kustomization(component);
            for (Object r : list(ck.get("resources"))) {
                out.addAll(readAll(component.resolve((String) r)));
            }
            applyPatches(component, ck, out);
        }
        boolean hash = !Boolean.TRUE.equals(map(k.get("generatorOptions")).get("disableNameSuffixHash"));
        if (hash && (k.containsKey("configMapGenerator") || k.containsKey("secretGenerator"))) {
            throw new IllegalArgumentException(dir + ": generators with name hashes are not supported here");
        }
        for (Object g : list(k.get("configMapGenerator"))) {
            out.add(generated(dir, map(g), "ConfigMap"));
        }
        for (Object g : list(k.get("secretGenerator"))) {
            out.add(generated(dir, map(g), "Secret"));
        }
        applyPatches(dir, k, out);
        if (k.get("namespace") instanceof String namespace) {
            out.forEach(doc -> metadata(doc).put("namespace", namespace));
        }
        for (Object l : list(k.get("labels"))) {
            Map<String, Object> pairs = map(map(l).get("pairs"));
            if (Boolean.TRUE.equals(map(l).get("includeSelectors")) || Boolean.TRUE.equals(map(l).get("includeTemplates"))) {
                throw new IllegalArgumentException(dir + ": labels on selectors/templates are not supported here");
            }
            out.forEach(doc -> map(metadata(doc).computeIfAbsent("labels", x -> new LinkedHashMap<>())).putAll(pairs));
        }
        for (Object i : list(k.get("images"))) {
            Map<String, Object> image = map(i);
            out.forEach(doc -> images(doc, (String) image.get("name"), (String) image.get("newName"),
                    image.get("newTag") == null ? null : String.valueOf(image.get("newTag"))));
        }
        for (Object r : list(k.get("replicas"))) {
            Map<String, Object> replicas = map(r);
            out.stream().filter(doc -> "Deployment".equals(doc.get("kind")) && replicas.get("name").equals(metadata(doc).get("name")))
                    .forEach(doc -> map(doc.get("spec")).put("replicas", replicas.get("count")));
        }
        return out;
    }

    private static Map<String, Object> kustomization(Path dir) {
        Map<String, Object> k = readAll(dir.resolve("kustomization.yaml")).get(0);
        for (String key : k.keySet()) {
            if (!KNOWN.contains(key)) {
                throw new IllegalArgumentException(dir + ": kustomization field '" + key + "' is not supported here");
            }
        }
        return k;
    }

    private static void applyPatches(Path dir, Map<String, Object> k, List<Map<String, Object>> docs) {
        for (Object p : list(k.get("patches"))) {
            Map<String, Object> patch = map(p);
            if (patch.keySet().stream().anyMatch(key -> !key.equals("path"))) {
                throw new IllegalArgumentException(dir + ": only patches by path are supported here: " + patch);
            }
            for (Map<String, Object> change : readAll(dir.resolve((String) patch.get("path")))) {
                Map<String, Object> target = docs.stream()
                        .filter(d -> Objects.equals(d.get("kind"), change.get("kind"))
                                && Objects.equals(metadata(d).get("name"), metadata(change).get("name")))
                        .findFirst().orElseThrow(() -> new IllegalArgumentException(dir + ": patch target not found: "
                                + change.get("kind") + "/" + metadata(change).get("name")));
                merge(target, change);
            }
        }
    }

    /** Strategic merge, as far as deploy/k8s needs it: maps deep-merged, lists of named maps merged by name. */
    @SuppressWarnings("unchecked")
    static void merge(Map<String, Object> target, Map<String, Object> patch) {
        patch.forEach((key, value) -> {
            Object current = target.get(key);
            if (value instanceof Map<?, ?> m && current instanceof Map<?, ?> c) {
                merge((Map<String, Object>) c, (Map<String, Object>) m);
            } else if (value instanceof List<?> l && current instanceof List<?> c && isNamed(l) && isNamed(c)) {
                List<Object> merged = new ArrayList<>(c);
                for (Object item : l) {
                    Map<String, Object> named = (Map<String, Object>) item;
                    merged.stream().map(o -> (Map<String, Object>) o).filter(o -> o.get("name").equals(named.get("name")))
                            .findFirst().ifPresentOrElse(o -> merge(o, named), () -> merged.add(named));
                }
                target.put(key, merged);
            } else {
                target.put(key, value);
            }
        });
    }

    private static boolean isNamed(List<?> list) {
        return !list.isEmpty() && list.stream().allMatch(o -> o instanceof Map<?, ?> m && m.get("name") != null);
    }

    private static Map<String, Object> generated(Path dir, Map<String, Object> generator, String kind) {
        Map<String, String> data = new LinkedHashMap<>();
        for (Object f : list(generator.get("files"))) {
            Path file = dir.resolve((String) f);
            try {
                data.put(file.getFileName().toString(), Files.readString(file, StandardCharsets.UTF_8));
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        for (Object l : list(generator.get("literals"))) {
            String literal = (String) l;
            data.put(literal.substring(0, literal.indexOf('=')), literal.substring(literal.indexOf('=') + 1));
        }
        Map<String, Object> doc = new LinkedHashMap<>();
        doc.put("apiVersion", "v1");
        doc.put("kind", kind);
        Map<String, Object> metadata = new LinkedHashMap<>();
        metadata.put("name", generator.get("name"));
        doc.put("metadata", metadata);
        if (kind.equals("Secret")) {
            Map<String, Object> encoded = new LinkedHashMap<>();
            data.forEach((key, value) -> encoded.put(key,
                    Base64.getEncoder().encodeToString(value.getBytes(StandardCharsets.UTF_8))));
            doc.put("data", encoded);
            doc.put("type", "Opaque");
        } else {
            doc.put("data", new LinkedHashMap<>(data));
        }
        return doc;
    }

    @SuppressWarnings("unchecked")
    private static void images(Object node, String name, String newName, String newTag) {
        if (node instanceof Map<?, ?> m) {
            Map<String, Object> map = (Map<String, Object>) m;
            if ((map.containsKey("containers") || map.containsKey("initContainers"))) {
                for (String key : List.of("containers", "initContainers")) {
                    for (Object c : list(map.get(key))) {
                        Map<String, Object> container = (Map<String, Object>) c;
                        String image = (String) container.get("image");
                        int colon = image.lastIndexOf(':');
                        String repository = colon > image.lastIndexOf('/') ? image.substring(0, colon) : image;
                        String tag = colon > image.lastIndexOf('/') ? image.substring(colon + 1) : null;
                        if (repository.equals(name)) {
                            String t = newTag != null ? newTag : tag;
                            container.put("image", (newName != null ? newName : repository) + (t == null ? "" : ":" + t));
                        }
                    }
                }
            }
            map.values().forEach(v -> images(v, name, newName, newTag));
        } else if (node instanceof List<?> l) {
            l.forEach(v -> images(v, name, newName, newTag));
        }
    }

    @SuppressWarnings("unchecked")
    static List<Map<String, Object>> readAll(Path file) {
        try {
            String text = Files.readString(file, StandardCharsets.UTF_8);
            List<Map<String, Object>> docs = new ArrayList<>();
            for (Object doc : yaml().loadAll(text)) {
                if (doc != null) {
                    docs.add((Map<String, Object>) doc);
                }
            }
            return docs;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static Yaml yaml() {
        LoaderOptions options = new LoaderOptions();
        options.setAllowDuplicateKeys(false);
        return new Yaml(options);
    }

    @SuppressWarnings("unchecked")
    static Map<String, Object> metadata(Map<String, Object> doc) {
        return (Map<String, Object>) doc.computeIfAbsent("metadata", k -> new LinkedHashMap<>());
    }

    @SuppressWarnings("unchecked")
    static Map<String, Object> map(Object o) {
        return o == null ? Map.of() : (Map<String, Object>) o;
    }

    @SuppressWarnings("unchecked")
    static List<Object> list(Object o) {
        return o == null ? List.of() : (List<Object>) o;
    }
}
