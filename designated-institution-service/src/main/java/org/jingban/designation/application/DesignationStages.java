package org.jingban.designation.application;

import java.util.Optional;

import org.jingban.designation.agreement.InstitutionKind;
import org.jingban.platform.cases.Case;
import org.jingban.platform.service.cases.OwnedStages;
import org.springframework.stereotype.Component;

/**
 * The stages of 622036009001/009002 that record a decision of their own — 评估 (findings, 表23), 公示 (objections),
 * 协商谈判 (scope), 签订协议 and 办结 (the agreement) — are completed only through this service's operations, never by
 * the shared case endpoints (which would move the case on without the record).
 */
@Component
public class DesignationStages implements OwnedStages {

    @Override
    public Optional<String> operationFor(Case c, String stage) {
        if (InstitutionKind.ofItem(c.getItemCode()).isEmpty()) {
            return Optional.empty();
        }
        String base = "POST /api/v1/designated-institutions/applications/" + c.getCaseNumber();
        if (stage.equals(DesignationApplications.evaluationStage(c))) {
            return Optional.of(base + "/evaluation");
        }
        return switch (stage) {
            case DesignationApplications.PUBLICITY -> Optional.of(base + "/publicity/conclusion");
            case DesignationApplications.NEGOTIATION -> Optional.of(base + "/negotiation");
            case DesignationApplications.SIGNING, "办结" -> Optional.of(base + "/agreement");
            default -> Optional.empty();
        };
    }
}
