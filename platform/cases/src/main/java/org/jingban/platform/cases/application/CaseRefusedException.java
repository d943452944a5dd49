package org.jingban.platform.cases.application;

import java.util.List;

import org.jingban.platform.cases.Reason;
import org.jingban.platform.cases.Refusal;

/**
 * A command the case refused; nothing was stored. Carries every reason (一次性告知), for a problem
 * detail's {@code violations[]}.
 */
public class CaseRefusedException extends RuntimeException {

    private final String caseNumber;
    private final transient Refusal refusal;

    public CaseRefusedException(String caseNumber, Refusal refusal) {
        super("办件" + caseNumber + "：" + refusal.summary());
        this.caseNumber = caseNumber;
        this.refusal = refusal;
    }

    public String caseNumber() {
        return caseNumber;
    }

    public Refusal refusal() {
        return refusal;
    }

    public List<Reason> reasons() {
        return refusal.reasons();
    }
}
