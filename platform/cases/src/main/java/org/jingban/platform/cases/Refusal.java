package org.jingban.platform.cases;

import java.util.List;

/**
 * A command the case would not carry out, with every reason at once (一次性告知): the caller
 * never learns about problems one at a time.
 */
public record Refusal(List<Reason> reasons) {

    public Refusal {
        if (reasons == null || reasons.isEmpty()) {
            throw new IllegalArgumentException("a refusal needs at least one reason");
        }
        reasons = List.copyOf(reasons);
    }

    /** The messages joined for a single line of text, e.g. a problem detail's {@code detail}. */
    public String summary() {
        return String.join("；", reasons.stream().map(Reason::message).toList());
    }
}
