package org.jingban.designation.agreement;

import org.springframework.data.annotation.Id;
import org.springframework.data.mongodb.core.FindAndModifyOptions;
import org.springframework.data.mongodb.core.ReactiveMongoTemplate;
import org.springframework.data.mongodb.core.mapping.Document;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.stereotype.Component;
import org.jingban.platform.messaging.WriteConflicts;
import reactor.core.publisher.Mono;

/**
 * 定点医药机构编码 in the national layout: the type letter ({@link InstitutionKind#codeLetter()}: H 医疗机构, P 零售药店),
 * the 6-digit 行政区划 of the practice address, a 5-digit sequence per letter and 区划: {@code H62060200001}. The sequence
 * is one counter document per letter and 区划 ({@code institution_code_counters}), incremented atomically
 * ({@code findAndModify $inc}, upsert): two signings at once get different numbers; the unique index on
 * {@code agreements.institutionCode} is the last guard.
 */
@Component
public class InstitutionCodes {

    static final int MAX_SEQUENCE = 99_999;

    @Document("institution_code_counters")
    record Counter(@Id String id, long value) {
    }

    private final ReactiveMongoTemplate mongo;

    public InstitutionCodes(ReactiveMongoTemplate mongo) {
        this.mongo = mongo;
    }

    /**
     * The next code for a kind in a 区划, never one an agreement already holds (an imported code is reserved before it
     * is stored, {@link #reserve}; this check is the second guard).
     */
    public Mono<String> next(InstitutionKind kind, String divisionCode) {
        if (divisionCode == null || !divisionCode.matches("\\d{6}")) {
            return Mono.error(new IllegalArgumentException("行政区划应为6位数字"));
        }
        String key = kind.codeLetter() + divisionCode;
        return counter(key, new Update().inc("value", 1L))
                .map(counter -> {
                    if (counter.value() > MAX_SEQUENCE) {
                        throw new IllegalStateException("定点医药机构编码 " + key + " 的顺序号已用完");
                    }
                    return key + "%05d".formatted(counter.value());
                })
                .flatMap(code -> taken(code).flatMap(taken -> taken ? next(kind, divisionCode) : Mono.just(code)));
    }

    /**
     * Reserves a code given out before go-live (imported): the counter of its letter and 区划 is raised to at least its
     * sequence ({@code $max}), so {@link #next} never hands it (or a lower one) out again.
     */
    public Mono<Void> reserve(String institutionCode) {
        if (!LAYOUT.matcher(institutionCode).matches()) {
            return Mono.error(new IllegalArgumentException("定点医药机构编码格式不正确"));
        }
        return counter(institutionCode.substring(0, 7), new Update().max("value", Long.parseLong(institutionCode.substring(7))))
                .then();
    }

    /** H or P, the 6-digit 行政区划, the 5-digit sequence. */
    public static final java.util.regex.Pattern LAYOUT = java.util.regex.Pattern.compile("[HP]\\d{6}\\d{5}");

    /**
     * A 机构编码 as it enters in a path (issue "Input hygiene": every identifier is validated first, a 400 naming it, not a
     * 404): the national layout, or the 统一社会信用代码 an institution is known by before its designation — as given, the
 * value the lookup then uses.
     */
    public static void checkPathCode(String institutionCode) {
        String code = institutionCode == null ? "" : institutionCode;
        if (!LAYOUT.matcher(code).matches() && !org.jingban.platform.identifiers.UnifiedSocialCreditCode.isValid(code)) {
            throw org.jingban.platform.web.problem.ProblemException.validation(java.util.List.of(
                    new org.jingban.platform.web.problem.Violation("institutionCode", "invalid-institution-code",
                            "机构编码应为H（医疗机构）或P（零售药店）、6位行政区划代码和5位顺序号，或统一社会信用代码")));
        }
    }

    private Mono<Counter> counter(String key, Update update) {
        // the first-of-a-区划 upsert race: both insert, one gets a duplicate key and retries onto the existing counter
        return Mono.defer(() -> mongo.findAndModify(Query.query(Criteria.where("_id").is(key)), update,
                        FindAndModifyOptions.options().upsert(true).returnNew(true), Counter.class))
                .retryWhen(WriteConflicts.retry());
    }

    private Mono<Boolean> taken(String code) {
        return mongo.exists(Query.query(Criteria.where("institutionCode").is(code)), Agreement.class);
    }
}
