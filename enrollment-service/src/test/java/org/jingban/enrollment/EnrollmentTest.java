package org.jingban.enrollment;

import java.time.Duration;
import java.util.concurrent.ThreadLocalRandom;

import org.jingban.platform.identifiers.ResidentIdNumber;
import org.jingban.platform.identifiers.UnifiedSocialCreditCode;
import org.jingban.platform.test.WithJingbanInfrastructure;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webtestclient.autoconfigure.AutoConfigureWebTestClient;
import org.springframework.test.web.reactive.server.WebTestClient;

/**
 * The one Spring context of this module's tests: the whole service on the shared embedded broker and store
 * (the same configuration as the smoke test, so the context is cached and shared). Tests keep apart by fresh ids.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@AutoConfigureWebTestClient
@WithJingbanInfrastructure
public abstract class EnrollmentTest {

    protected static final Duration TIMEOUT = Duration.ofSeconds(30);
    protected static final String WUWEI = "620600";
    protected static final String LANZHOU = "620100";

    @Autowired
    protected WebTestClient web;

    /** A valid 18-digit 居民身份证号码 of someone born in 1980–1999 in Wuwei (620602 凉州区). */
    protected static String newIdNumber() {
        return newIdNumber(1980 + ThreadLocalRandom.current().nextInt(20));
    }

    protected static String newIdNumber(int birthYear) {
        ThreadLocalRandom r = ThreadLocalRandom.current();
        String first17 = "620602" + birthYear + "%02d%02d%03d".formatted(1 + r.nextInt(12), 1 + r.nextInt(28), r.nextInt(1000));
        return first17 + ResidentIdNumber.checkCharacter(first17);
    }

    /** A valid 统一社会信用代码 registered in Wuwei. */
    protected static String newUscc() {
        String alphabet = "0123456789ABCDEFGHJKLMNPQRTUWXY";
        StringBuilder body = new StringBuilder("91620600");
        ThreadLocalRandom r = ThreadLocalRandom.current();
        for (int i = 0; i < 9; i++) {
            body.append(alphabet.charAt(r.nextInt(alphabet.length())));
        }
        return body.toString() + UnifiedSocialCreditCode.checkCharacter(body.toString());
    }
}
