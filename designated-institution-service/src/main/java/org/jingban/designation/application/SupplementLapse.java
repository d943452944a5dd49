package org.jingban.designation.application;

import java.time.Clock;
import java.time.Duration;
import java.time.LocalDate;
import java.util.List;

import org.jingban.designation.agreement.InstitutionKind;
import org.jingban.platform.calendar.WorkingDayCalendar;
import org.jingban.platform.cases.Case;
import org.jingban.platform.cases.CaseAction;
import org.jingban.platform.cases.CaseActor;
import org.jingban.platform.cases.CaseStatus;
import org.jingban.platform.cases.HistoryEntry;
import org.jingban.platform.cases.Reason;
import org.jingban.platform.cases.application.CaseRefusedException;
import org.jingban.platform.cases.application.CaseService;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.data.mongodb.core.ReactiveMongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Mono;

/**
 * seed 002 §二十五–二十六 业务受理③: 申请机构应在5个工作日内补齐补正，逾期视为放弃此次申请. An application waiting for its
 * 补正 before 受理 lapses on its own once the 5th working day after the 补齐补正通知书 (表21) has passed: the case is
 * closed 不予受理 by the system with that reason, and the institution is told by the case's {@code rejected} event.
 */
@Component
public class SupplementLapse {

    private static final Logger log = LoggerFactory.getLogger(SupplementLapse.class);
    /** 5个工作日内补齐补正. */
    public static final int SUPPLEMENT_WORKING_DAYS = 5;
    public static final String LAPSED = "supplement.lapsed";

    private final ReactiveMongoTemplate mongo;
    private final CaseService cases;
    private final WorkingDayCalendar calendar;
    private final Clock clock;

    public SupplementLapse(ReactiveMongoTemplate mongo, CaseService cases, WorkingDayCalendar calendar, Clock clock) {
        this.mongo = mongo;
        this.cases = cases;
        this.calendar = calendar;
        this.clock = clock;
    }

    @Scheduled(fixedDelayString = "${jingban.designation.lapse-check-interval:PT30M}", initialDelayString = "PT30S")
    public void run() {
        Long lapsed = lapseDue().block(Duration.ofMinutes(5));
        if (lapsed != null && lapsed > 0) {
            log.info("定点申请逾期未补齐补正，视为放弃：{} 件", lapsed);
        }
    }

    /** Closes every application whose 补正 period ended before today; the number closed. */
    public Mono<Long> lapseDue() {
        LocalDate today = LocalDate.now(clock.withZone(Case.ZONE));
        Query waiting = Query.query(Criteria.where("itemCode").in(InstitutionKind.MEDICAL_INSTITUTION.itemCode(),
                InstitutionKind.RETAIL_PHARMACY.itemCode()).and("status").is(CaseStatus.WAITING_FOR_APPLICANT)
                .and("acceptedOn").is(null));
        return mongo.find(waiting, Case.class)
                .filter(c -> c.getAcceptedOn() == null)
                .filter(c -> supplementDue(c).map(due -> today.isAfter(due)).orElse(false))
                .concatMap(c -> cases.reject(c.getId(), CaseActor.SYSTEM, List.of(Reason.of(LAPSED,
                                "未在补齐补正通知书规定的5个工作日内（" + supplementDue(c).orElseThrow() + "前）补齐补正，视为放弃此次申请")))
                        .onErrorResume(CaseRefusedException.class, e -> Mono.empty()))
                .count();
    }

    /** The last day to 补正: 5 working days after the latest notice (表21), on the official calendar. */
    public java.util.Optional<LocalDate> supplementDue(Case c) {
        List<HistoryEntry> notices = c.getHistory().stream().filter(h -> h.action() == CaseAction.REQUEST_SUPPLEMENT).toList();
        if (notices.isEmpty()) {
            return java.util.Optional.empty();
        }
        LocalDate on = LocalDate.ofInstant(notices.get(notices.size() - 1).time(), Case.ZONE);
        return java.util.Optional.of(calendar.addWorkingDays(on, SUPPLEMENT_WORKING_DAYS));
    }
}
