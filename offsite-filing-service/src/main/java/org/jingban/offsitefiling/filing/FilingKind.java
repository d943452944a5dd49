package org.jingban.offsitefiling.filing;

import java.util.Arrays;
import java.util.Optional;

/**
 * The kinds of 异地就医备案 (人员类别 of 表11), each an item of the catalog: 主项四 622036004001–004, the national
 * template's 其他临时外出就医人员备案, and Songpan's 异地急诊、抢救住院登记备案 (filed after the stay).
 */
public enum FilingKind {

    /** 异地安置退休人员备案: retired 职工医保 members settled off-site with their 户籍 moved (002 §十二). */
    RESETTLED_RETIREE("622036004001", "异地安置退休人员", true),
    /** 异地长期居住人员备案: living off-site for long, 户籍 not moved (002 §十三). */
    LONG_TERM_RESIDENT("622036004002", "异地长期居住人员", true),
    /** 常驻异地工作人员备案: posted off-site by the employer (002 §十四). */
    STATIONED_WORKER("622036004003", "常驻异地工作人员", true),
    /** 异地转诊人员备案: referred by a designated institution qualified to refer (002 §十五). */
    REFERRAL("622036004004", "异地转诊人员", false),
    /** 其他临时外出就医人员备案 (national template only). */
    TEMPORARY("national:其他临时外出就医人员备案", "其他临时外出就医人员", false),
    /** 异地急诊、抢救住院登记备案 (Songpan): filed after the emergency, for the stay it covered. */
    EMERGENCY("local:songpan:异地急诊、抢救住院登记备案", "异地急诊、抢救住院人员", false);

    private final String itemCode;
    private final String label;
    private final boolean longTerm;

    FilingKind(String itemCode, String label, boolean longTerm) {
        this.itemCode = itemCode;
        this.label = label;
        this.longTerm = longTerm;
    }

    /** The 子项编码 (or local code) of the item that files this kind. */
    public String itemCode() {
        return itemCode;
    }

    /** 人员类别 as 表11 and 表18 print it. */
    public String label() {
        return label;
    }

    /** 安置, 长期居住 and 常驻: valid until cancelled, a minimum holding period before a change; else temporary. */
    public boolean longTerm() {
        return longTerm;
    }

    public static Optional<FilingKind> ofItem(String itemCode) {
        return Arrays.stream(values()).filter(k -> k.itemCode.equals(itemCode)).findFirst();
    }
}
