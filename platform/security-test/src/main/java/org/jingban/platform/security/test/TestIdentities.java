package org.jingban.platform.security.test;

import java.util.concurrent.ThreadLocalRandom;

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

    /** A random 居民身份证号码 of someone born in 1980–1999 in 凉州区 (620602): unique enough per test run. */
    public static String randomIdNumber() {
        return randomIdNumber(1980 + ThreadLocalRandom.current().nextInt(20));
    }

    /** A random 居民身份证号码 of someone born in {@code birthYear} in 凉州区 (620602). */
    public static String randomIdNumber(int birthYear) {
        ThreadLocalRandom r = ThreadLocalRandom.current();
        String first17 = "620602" + birthYear + "%02d%02d%03d".formatted(1 + r.nextInt(12), 1 + r.nextInt(28), r.nextInt(1000));
        return first17 + ResidentIdNumber.checkCharacter(first17);
    }

    /** A random 统一社会信用代码 of a company (91) registered in {@code region}. */
    public static String randomUnitCode(String region) {
        String alphabet = "0123456789ABCDEFGHJKLMNPQRTUWXY";
        StringBuilder body = new StringBuilder("91").append(region);
        ThreadLocalRandom r = ThreadLocalRandom.current();
        for (int i = 0; i < 9; i++) {
            body.append(alphabet.charAt(r.nextInt(alphabet.length())));
        }
        return body.toString() + UnifiedSocialCreditCode.checkCharacter(body.toString());
    }

    /** A 定点医药机构编码 (H + 医保区划 + sequence). */
    public static String institutionCode(int n) {
        return "H620600" + String.format("%05d", Math.floorMod(n, 100_000));
    }
}
