package org.jingban.platform.cases;

import java.util.List;
import java.util.Objects;

/** Item-specific stages to place before a named stage of the chain, e.g. 财务复核 and 负责人审批 before 拨付. */
public record StageInsertion(String before, List<StageSpec> stages) {

    public StageInsertion {
        Objects.requireNonNull(before, "before");
        stages = List.copyOf(stages);
    }

    public static StageInsertion before(String before, StageSpec... stages) {
        return new StageInsertion(before, List.of(stages));
    }
}
