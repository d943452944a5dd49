package org.jingban.platform.catalog;

import java.util.List;

/**
 * The catalog layers are inconsistent. Lists every problem found, each naming the layer file, the item and the field,
 * e.g. {@code catalog: regions/620600.yaml item 622036003002 field timeLimit.workingDays: -1 is not a number of working days}.
 */
public class CatalogException extends RuntimeException {

    private final List<String> problems;

    public CatalogException(List<String> problems) {
        super(problems.size() == 1 ? problems.get(0)
                : problems.size() + " catalog problems:\n" + String.join("\n", problems));
        this.problems = List.copyOf(problems);
    }

    public CatalogException(String problem) {
        this(List.of(problem));
    }

    public List<String> problems() {
        return problems;
    }
}
