package org.jingban.platform.cases;

import java.util.List;

/**
 * The public event types of the case kernel. Each is a CloudEvents {@code type}; the payload is a
 * {@link CaseEventData}. Versioned: a change that breaks consumers gets a new {@code .v2} type.
 */
public final class CaseEvents {

    public static final String SUBMITTED = "jingban.case.submitted.v1";
    public static final String ACCEPTED = "jingban.case.accepted.v1";
    /** 不予受理, with every reason */
    public static final String REJECTED = "jingban.case.rejected.v1";
    /** 一次性告知补正, with every missing material or failed condition; the clock pauses */
    public static final String SUPPLEMENT_REQUESTED = "jingban.case.supplement-requested.v1";
    /** the applicant supplied what was asked; the clock runs again */
    public static final String SUPPLEMENTED = "jingban.case.supplemented.v1";
    public static final String STAGE_COMPLETED = "jingban.case.stage-completed.v1";
    /** 办结, with optional details (amount, validity …) for the "已完成" template */
    public static final String COMPLETED = "jingban.case.completed.v1";
    /** 未通过 / 未完成, with every reason, for the "未完成" template */
    public static final String REFUSED = "jingban.case.refused.v1";
    public static final String WITHDRAWN = "jingban.case.withdrawn.v1";
    public static final String EVALUATED = "jingban.case.evaluated.v1";

    public static final List<String> ALL = List.of(SUBMITTED, ACCEPTED, REJECTED, SUPPLEMENT_REQUESTED, SUPPLEMENTED,
            STAGE_COMPLETED, COMPLETED, REFUSED, WITHDRAWN, EVALUATED);

    private CaseEvents() {
    }

    /** {@code jingban.case.accepted.v1} → {@code accepted}, for metric tags. */
    public static String shortName(String type) {
        String withoutPrefix = type.startsWith("jingban.case.") ? type.substring("jingban.case.".length()) : type;
        int version = withoutPrefix.lastIndexOf(".v");
        return version < 0 ? withoutPrefix : withoutPrefix.substring(0, version);
    }
}
