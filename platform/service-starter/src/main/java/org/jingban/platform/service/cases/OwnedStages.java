package org.jingban.platform.service.cases;

import java.util.Optional;

import org.jingban.platform.cases.Case;

/**
 * Stages of an item that only the service's own operation may complete, because the operation records what the stage
 * decides (e.g. 定点协议管理's 评估 with its findings, 公示 with its objections, 签订协议 with the agreement): the shared
 * {@code /cases/{caseNumber}/advance} and {@code /complete} refuse them (422), naming the operation to use. A service
 * declares them as a bean; none by default.
 */
@FunctionalInterface
public interface OwnedStages {

    /** The operation to use for {@code stage} of {@code c} (e.g. {@code POST /applications/{caseNumber}/evaluation}), if the stage is owned. */
    Optional<String> operationFor(Case c, String stage);
}
