package org.jingban.platform.cases;

import java.util.Objects;

/**
 * A stage a service adds to the catalog's chain (e.g. transfer 联系函, settlement 财务复核),
 * optionally with its own limit in working days (环节时限, from the catalog's stageLimits).
 */
public record StageSpec(String name, StageKind kind, Integer limitWorkingDays) {

    public StageSpec {
        Objects.requireNonNull(name, "name");
        kind = kind == null ? StageKind.of(name) : kind;
        if (limitWorkingDays != null && limitWorkingDays < 0) {
            throw new IllegalArgumentException("negative stage limit");
        }
    }

    public static StageSpec of(String name) {
        return new StageSpec(name, null, null);
    }

    public static StageSpec of(String name, int limitWorkingDays) {
        return new StageSpec(name, null, limitWorkingDays);
    }
}
