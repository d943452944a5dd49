package org.jingban.platform.security.test;

import org.jingban.platform.identifiers.ResidentIdNumber;
import org.jingban.platform.identifiers.UnifiedSocialCreditCode;

/** Valid, made-up identifiers for tests (check digits computed), distinct by {@code n}. */
public final class TestIdentities {

    private TestIdentities() {
    }

    /** A 居民身份证号码 registered in 凉州区 (620602), born 1980-01-01 plus {@code n} days' worth of sequence. */
    public static String idNumber(int n) {
        String first17 = "620602" + "19800101" + String.format("%03d", Math.floorMod(n, 1000));
        return first17 + ResidentIdNumber.checkCharacter(first17);
    }

    /** A 统一社会信用代码 registered in 武威市 (620600). */
    public static String unitCode(int n) {
        String first17 = "91" + "620600" + String.format("%09d", Math.floorMod(n, 1_000_000_000));
        return first17 + UnifiedSocialCreditCode.checkCharacter(first17);
    }

    /** A 定点医药机构编码 (H + 医保区划 + sequence). */
    public static String institutionCode(int n) {
        return "H620600" + String.format("%05d", Math.floorMod(n, 100_000));
    }
}
