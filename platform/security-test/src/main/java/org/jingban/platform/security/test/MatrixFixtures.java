package org.jingban.platform.security.test;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import org.jingban.platform.security.Owner;

/**
 * What the authorization matrix cannot invent: for operations on one party's object
 * ({@code @Access(object = PATH)}), an existing object, its path variables and its {@link Owner}.
 *
 * <pre>{@code
 * MatrixFixtures.builder()
 *         .object("/api/v1/enrollment/persons/{id}", Owner.person(ALICE, "620600"), "id", aliceRecordId)
 *         .skip("POST /api/v1/enrollment/persons/{id}/photo")      // with a reason in a comment
 *         .build();
 * }</pre>
 * An object applies to every operation whose path starts with the given template (the longest wins).
 */
public final class MatrixFixtures {

    /** An object of one party, addressed by these path variables. */
    public record MatrixObject(Map<String, String> pathVariables, Owner owner) {
    }

    private final Map<String, MatrixObject> objects;
    private final Set<String> skipped;
    private final Set<String> examplesNotYetAccepted;
    private final Set<String> notCalledAsDocumented;

    private MatrixFixtures(Map<String, MatrixObject> objects, Set<String> skipped, Set<String> examplesNotYetAccepted,
                           Set<String> notCalledAsDocumented) {
        this.objects = objects;
        this.skipped = skipped;
        this.examplesNotYetAccepted = examplesNotYetAccepted;
        this.notCalledAsDocumented = notCalledAsDocumented;
    }

    public static MatrixFixtures none() {
        return builder().build();
    }

    public static Builder builder() {
        return new Builder();
    }

    public Optional<MatrixObject> objectFor(String path) {
        String best = null;
        for (String prefix : objects.keySet()) {
            if (path.startsWith(prefix) && (best == null || prefix.length() > best.length())) {
                best = prefix;
            }
        }
        return Optional.ofNullable(best).map(objects::get);
    }

    public boolean skips(String method, String path) {
        return skipped.contains(method.toUpperCase(Locale.ROOT) + " " + path);
    }

    /** An operation whose documented example it still refuses with 400 (a known gap, listed so it cannot grow). */
    public boolean exampleNotYetAccepted(String method, String path) {
        return examplesNotYetAccepted.contains(method.toUpperCase(Locale.ROOT) + " " + path);
    }

    /** An operation whose documented example the matrix does not send (its effect would change what other tests see). */
    public boolean notCalledAsDocumented(String method, String path) {
        return notCalledAsDocumented.contains(method.toUpperCase(Locale.ROOT) + " " + path);
    }

    public static final class Builder {
        private final Map<String, MatrixObject> objects = new LinkedHashMap<>();
        private final Set<String> skipped = new HashSet<>();
        private final Set<String> examplesNotYetAccepted = new HashSet<>();
        private final Set<String> notCalledAsDocumented = new HashSet<>();

        /** @param variables name, value, name, value... */
        public Builder object(String pathTemplatePrefix, Owner owner, String... variables) {
            if (variables.length % 2 != 0) {
                throw new IllegalArgumentException("variables come in name/value pairs");
            }
            Map<String, String> values = new LinkedHashMap<>();
            for (int i = 0; i < variables.length; i += 2) {
                values.put(variables[i], variables[i + 1]);
            }
            objects.put(pathTemplatePrefix, new MatrixObject(values, owner));
            return this;
        }

        /** {@code "POST /api/v1/x/{id}"}: an operation the matrix leaves out (say why where you call this). */
        public Builder skip(String methodAndPath) {
            List<String> parts = new ArrayList<>(List.of(methodAndPath.trim().split("\\s+", 2)));
            skipped.add(parts.get(0).toUpperCase(Locale.ROOT) + " " + parts.get(1));
            return this;
        }

        /**
         * {@code "POST /api/v1/x"}: an operation that still refuses its own documented example with 400 (say why
         * where you call this). The matrix fails when such an operation starts accepting it, so the list only shrinks.
         */
        public Builder exampleNotYetAccepted(String methodAndPath) {
            List<String> parts = new ArrayList<>(List.of(methodAndPath.trim().split("\\s+", 2)));
            examplesNotYetAccepted.add(parts.get(0).toUpperCase(Locale.ROOT) + " " + parts.get(1));
            return this;
        }

        /**
         * {@code "PUT /api/v1/x"}: the matrix checks who may call it but does not send its documented example, whose
         * effect would change what the test's other tests see (say why where you call this; a test of its own sends it).
         */
        public Builder notCalledAsDocumented(String methodAndPath) {
            List<String> parts = new ArrayList<>(List.of(methodAndPath.trim().split("\\s+", 2)));
            notCalledAsDocumented.add(parts.get(0).toUpperCase(Locale.ROOT) + " " + parts.get(1));
            return this;
        }

        public MatrixFixtures build() {
            return new MatrixFixtures(Map.copyOf(objects), Set.copyOf(skipped), Set.copyOf(examplesNotYetAccepted),
                    Set.copyOf(notCalledAsDocumented));
        }
    }
}
