package org.jingban.deploy;

import java.nio.file.Files;
import java.nio.file.Path;

/** Paths in the repository (the module's directory is the tests' working directory). */
final class Repository {

    private Repository() {
    }

    static Path root() {
        for (Path p = Path.of("").toAbsolutePath(); p != null; p = p.getParent()) {
            if (Files.isDirectory(p.resolve("deploy/k8s")) && Files.isRegularFile(p.resolve("pom.xml"))) {
                return p;
            }
        }
        throw new IllegalStateException("repository root not found");
    }
}
