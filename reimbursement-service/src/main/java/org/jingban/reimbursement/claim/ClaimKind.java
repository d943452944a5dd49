package org.jingban.reimbursement.claim;

import java.util.Arrays;
import java.util.List;
import java.util.Optional;

/**
 * 主项六 基本医疗保险参保人员医疗费用手工（零星）报销: its two 子项, with the 业务类型 each takes (the catalog's 受理信息
 * 必填项 names the field, the seeds do not list its values: these are the visit types the bill can be).
 */
public enum ClaimKind {
    /** 门（急）诊费用报销 */
    OUTPATIENT("622036006001", "门(急)诊费用报销", List.of(ClaimForm.ORDINARY_OUTPATIENT, ClaimForm.EMERGENCY_OUTPATIENT,
            ClaimForm.CHRONIC_OUTPATIENT)),
    /** 住院费用报销 */
    INPATIENT("622036006002", "住院费用报销", List.of(ClaimForm.ORDINARY_INPATIENT, ClaimForm.EMERGENCY_INPATIENT));

    private final String itemCode;
    private final String label;
    private final List<String> businessTypes;

    ClaimKind(String itemCode, String label, List<String> businessTypes) {
        this.itemCode = itemCode;
        this.label = label;
        this.businessTypes = businessTypes;
    }

    public String itemCode() {
        return itemCode;
    }

    public String label() {
        return label;
    }

    public List<String> businessTypes() {
        return businessTypes;
    }

    public static Optional<ClaimKind> ofItem(String itemCode) {
        return Arrays.stream(values()).filter(k -> k.itemCode.equals(itemCode)).findFirst();
    }
}
