package org.jingban.reimbursement.chronic;

import java.util.Arrays;
import java.util.Optional;

/**
 * The items that grant an outpatient chronic/special disease entitlement (门诊慢特病病种待遇认定): the national
 * 622036005000 and Songpan's two local items (seed 003 §二十一, §二十二), each with the disease list it draws on.
 */
public enum EntitlementKind {
    /** 基本医疗保险参保人员享受门诊慢特病病种待遇认定 */
    GENERAL("622036005000", "门诊慢特病病种待遇认定"),
    /** 城乡居民医保参保人员高血压、糖尿病病种待遇认定 (Songpan, residents only, 10 working days) */
    HYPERTENSION_DIABETES("local:songpan:城乡居民医保参保人员高血压、糖尿病病种待遇认定", "城乡居民高血压、糖尿病病种待遇认定"),
    /** 单行支付药品、高值药品支付管理病种待遇认定 (Songpan, 20 working days) */
    SPECIAL_DRUGS("local:songpan:单行支付药品、高值药品支付管理病种待遇认定", "单行支付药品、高值药品支付管理病种待遇认定");

    private final String itemCode;
    private final String label;

    EntitlementKind(String itemCode, String label) {
        this.itemCode = itemCode;
        this.label = label;
    }

    public String itemCode() {
        return itemCode;
    }

    public String label() {
        return label;
    }

    public static Optional<EntitlementKind> ofItem(String itemCode) {
        return Arrays.stream(values()).filter(k -> k.itemCode.equals(itemCode)).findFirst();
    }
}
