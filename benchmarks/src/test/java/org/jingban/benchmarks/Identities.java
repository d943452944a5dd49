package org.jingban.benchmarks;

import java.time.LocalDate;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicLong;

import org.jingban.platform.identifiers.ResidentIdNumber;
import org.jingban.platform.identifiers.UnifiedSocialCreditCode;

/**
 * Made-up but valid 公民身份号码 (GB 11643: Gansu address codes, a real birth date, the ISO 7064 MOD 11-2 check
 * character from platform/identifiers), distinct within a run. Each run starts at a random point of a space of
 * 6 × 16 000 × 1 000 numbers, so that runs against the same data rarely meet a person enrolled before
 * (deploy/local/up.sh --reset between runs avoids it altogether).
 */
public final class Identities {

    private static final String[] ADDRESS_CODES = {"620102", "620103", "620602", "620621", "620622", "620623"};
    private static final LocalDate FIRST_BIRTH_DATE = LocalDate.of(1960, 1, 1);   // everyone an adult
    private static final long DAYS = 16_000;                                      // 1960-01-01 … 2003-10
    private static final long SPACE = ADDRESS_CODES.length * DAYS * 1000;

    private final AtomicLong next = new AtomicLong(ThreadLocalRandom.current().nextLong(SPACE));

    public record Identity(String idNumber, LocalDate birthDate) {
    }

    public Identity next() {
        long k = Math.floorMod(next.getAndIncrement(), SPACE);
        LocalDate birth = FIRST_BIRTH_DATE.plusDays(k % DAYS);
        long sequence = (k / DAYS) % 1000;
        String address = ADDRESS_CODES[(int) (k / DAYS / 1000)];
        String first17 = address + birth.toString().replace("-", "") + "%03d".formatted(sequence);
        return new Identity(first17 + ResidentIdNumber.checkCharacter(first17), birth);
    }

    /** A made-up valid 统一社会信用代码 of a unit registered in the region (9 = 工商, 1 = 企业; GB 32100 check character). */
    public static String uscc(String region) {
        ThreadLocalRandom r = ThreadLocalRandom.current();
        String first17 = "91" + region + "%09d".formatted(r.nextInt(1_000_000_000));
        return first17 + UnifiedSocialCreditCode.checkCharacter(first17);
    }

    /** A made-up mobile number (1 + 3/5/8 + 9 digits). */
    public static String mobile() {
        ThreadLocalRandom r = ThreadLocalRandom.current();
        return "1" + "358".charAt(r.nextInt(3)) + "%09d".formatted(r.nextInt(1_000_000_000));
    }
}
