package org.jingban.designation.agreement;

import java.util.Arrays;
import java.util.Optional;

/**
 * The two kinds of 定点医药机构, each with its application item and the type letter of its 定点医药机构编码.
 * {@code H} is the national 医保 coding's letter for 定点医疗机构; {@code P} the one for 定点零售药店 (see docs/adr/designation.md).
 */
public enum InstitutionKind {

    /** 622036009001 医疗机构申请定点协议管理 (表14). */
    MEDICAL_INSTITUTION("622036009001", "医疗机构", 'H'),
    /** 622036009002 零售药店申请定点协议管理 (表15). */
    RETAIL_PHARMACY("622036009002", "零售药店", 'P');

    private final String itemCode;
    private final String label;
    private final char codeLetter;

    InstitutionKind(String itemCode, String label, char codeLetter) {
        this.itemCode = itemCode;
        this.label = label;
        this.codeLetter = codeLetter;
    }

    public String itemCode() {
        return itemCode;
    }

    public String label() {
        return label;
    }

    public char codeLetter() {
        return codeLetter;
    }

    public static Optional<InstitutionKind> ofItem(String itemCode) {
        return Arrays.stream(values()).filter(k -> k.itemCode.equals(itemCode)).findFirst();
    }
}
