package org.jingban.transfer.continuation;

import java.util.List;
import java.util.Map;

import org.jingban.platform.cases.Case;
import org.jingban.platform.cases.CaseActor;
import org.jingban.platform.cases.Reason;
import org.jingban.platform.cases.application.CaseRefusedException;
import org.jingban.platform.cases.application.CaseService;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Mono;

/**
 * The system's steps on a 622036003002 case, the same whichever office holds it — the 转入地's own case, or the
 * 转出地's when the application was made there for a 转入地 in another province: a stage is completed only while it
 * is current, 办结 and 未通过 happen once, so a redelivered event (or a restart between two writes) finishes what was
 * left and never does a step twice.
 */
@Component
class TransferCases {

    private final CaseService cases;

    TransferCases(CaseService cases) {
        this.cases = cases;
    }

    Mono<Case> stageDone(String caseId, String stage, String remark) {
        return cases.advanceIfCurrent(caseId, stage, remark);
    }

    /** 转入地办结 → 审核 → 办结 with the transfer's details (months, amount, overlaps) for the 已完成 message. */
    Mono<Case> finish(String caseId, String receivedRemark, Map<String, Object> details) {
        return cases.advanceIfCurrent(caseId, TransferStages.RECEIVE, receivedRemark)
                .then(cases.advanceIfCurrent(caseId, TransferStages.REVIEW, "系统核对一致"))
                .flatMap(c -> c.getStatus().finished() ? Mono.just(c)
                        : cases.complete(c.getId(), CaseActor.SYSTEM, details).onErrorResume(CaseRefusedException.class,
                        e -> cases.find(c.getId())));
    }

    /** 未通过 with every reason at once (one notice), unless the case has already finished. */
    Mono<Case> refuse(String caseId, List<Reason> reasons) {
        return cases.find(caseId).flatMap(c -> c.getStatus().finished() ? Mono.just(c)
                : cases.refuse(c.getId(), CaseActor.SYSTEM, reasons)
                .onErrorResume(CaseRefusedException.class, e -> Mono.just(c)));
    }
}
