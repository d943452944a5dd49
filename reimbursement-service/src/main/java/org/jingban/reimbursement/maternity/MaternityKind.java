package org.jingban.reimbursement.maternity;

import java.util.Arrays;
import java.util.Optional;

/** 主项七 生育保险待遇: its four 子项 (seed 002 §十九–二十二). */
public enum MaternityKind {
    /** 产前检查费支付 (not offered in Songpan) */
    PRENATAL("622036007001", "产前检查费支付"),
    /** 生育医疗费支付 */
    DELIVERY("622036007002", "生育医疗费支付"),
    /** 计划生育医疗费支付 */
    FAMILY_PLANNING("622036007003", "计划生育医疗费支付"),
    /** 生育津贴支付 */
    ALLOWANCE("622036007004", "生育津贴支付");

    private final String itemCode;
    private final String label;

    MaternityKind(String itemCode, String label) {
        this.itemCode = itemCode;
        this.label = label;
    }

    public String itemCode() {
        return itemCode;
    }

    public String label() {
        return label;
    }

    /** The three that pay a bill (报销金额); the allowance pays a sum (金额). */
    public boolean paysBill() {
        return this != ALLOWANCE;
    }

    public static Optional<MaternityKind> ofItem(String itemCode) {
        return Arrays.stream(values()).filter(k -> k.itemCode.equals(itemCode)).findFirst();
    }
}
