package org.jingban.platform.cases.persistence;

import java.time.LocalDate;
import java.util.Arrays;
import java.util.Collection;
import java.util.List;

import org.jingban.platform.cases.Case;
import org.jingban.platform.cases.CaseStatus;
import org.springframework.data.domain.Sort;
import org.springframework.data.mongodb.core.ReactiveMongoTemplate;
import org.springframework.data.mongodb.core.index.Index;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * Stores cases in the {@code cases} collection of the service's own database.
 *
 * <p>A class over {@link ReactiveMongoTemplate} rather than a Spring Data repository interface: a
 * library enabling repository scanning would switch off the service's own auto-configured
 * repositories. Saves use the {@code @Version} of {@link org.jingban.platform.messaging.AggregateDocument}:
 * a save over a newer version fails with {@code OptimisticLockingFailureException}.
 */
public class CaseRepository {

    /**
     * The stored name of the applicant's id: Spring Data maps a nested property called {@code id} to
     * {@code _id}. Queries say {@code applicant.id} and are mapped; index keys are not, so they use this.
     */
    public static final String APPLICANT_ID_FIELD = "applicant._id";

    private final ReactiveMongoTemplate template;

    public CaseRepository(ReactiveMongoTemplate template) {
        this.template = template;
    }

    /** The subject's id in the stored case (index keys are not mapped: {@code _id}). */
    public static final String SUBJECT_ID_FIELD = "subject._id";
    private static final List<CaseStatus> FINISHED = Arrays.stream(CaseStatus.values()).filter(CaseStatus::finished)
            .toList();

    /** Indexes declared in code, created at start: number, applicant, subject per item, ops lists, overdue query. */
    public Mono<Void> ensureIndexes() {
        var indexes = template.indexOps(Case.class);
        return Mono.when(
                indexes.createIndex(new Index().on("caseNumber", Sort.Direction.ASC).unique().named("caseNumber_unique")),
                indexes.createIndex(new Index().on(APPLICANT_ID_FIELD, Sort.Direction.ASC).named("applicant_id")),
                indexes.createIndex(new Index().on("itemCode", Sort.Direction.ASC).on(SUBJECT_ID_FIELD, Sort.Direction.ASC)
                        .named("item_subject")),
                indexes.createIndex(new Index().on("regionCode", Sort.Direction.ASC).on("status", Sort.Direction.ASC)
                        .named("region_status")),
                indexes.createIndex(new Index().on("dueDate", Sort.Direction.ASC).named("dueDate")));
    }

    public Mono<Case> save(Case c) {
        return template.save(c);
    }

    /**
     * Whether a case of the item about this subject is still running (not yet 办结, 不予受理, 未通过 or 撤回): e.g. a
     * second 一次性支取 while the first is being handled. The subject, not the applicant: an heir applies for the
     * deceased.
     */
    public Mono<Boolean> existsRunning(String itemCode, String subjectId) {
        return template.exists(Query.query(Criteria.where("itemCode").is(itemCode).and("subject.id").is(subjectId)
                .and("status").nin(FINISHED)), Case.class);
    }

    public Mono<Case> findById(String id) {
        return template.findById(id, Case.class);
    }

    public Mono<Case> findByCaseNumber(String caseNumber) {
        return template.findOne(Query.query(Criteria.where("caseNumber").is(caseNumber)), Case.class);
    }

    /** An applicant's cases, newest first (我的办件). */
    public Flux<Case> findByApplicant(String applicantId) {
        return template.find(Query.query(Criteria.where("applicant.id").is(applicantId))
                .with(Sort.by(Sort.Direction.DESC, "submittedAt")), Case.class);
    }

    public Flux<Case> findByRegionAndStatus(String regionCode, CaseStatus status) {
        return template.find(Query.query(Criteria.where("regionCode").is(regionCode).and("status").is(status))
                .with(Sort.by("submittedAt")), Case.class);
    }

    /**
     * A staff work queue (待办): cases of the given regions, optionally of one status and one item, oldest
     * submission first, one page.
     */
    public Flux<Case> findWorkQueue(Collection<String> regionCodes, CaseStatus status, String itemCode,
                                    int page, int size) {
        Criteria criteria = Criteria.where("regionCode").in(regionCodes);
        if (status != null) {
            criteria = criteria.and("status").is(status);
        }
        if (itemCode != null) {
            criteria = criteria.and("itemCode").is(itemCode);
        }
        return template.find(Query.query(criteria).with(Sort.by("submittedAt"))
                .skip((long) page * size).limit(size), Case.class);
    }

    /**
     * Cases whose clock runs and whose due date has passed on {@code today}, oldest due first;
     * {@code regionCode} null for every region. Paused cases (补正) are not overdue.
     */
    public Flux<Case> findOverdue(String regionCode, LocalDate today) {
        Criteria criteria = Criteria.where("status").in(CaseStatus.CLOCK_RUNNING).and("dueDate").lt(today);
        if (regionCode != null) {
            criteria = criteria.and("regionCode").is(regionCode);
        }
        return template.find(Query.query(criteria).with(Sort.by("dueDate")), Case.class);
    }
}
