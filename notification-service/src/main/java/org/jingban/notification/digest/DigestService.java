package org.jingban.notification.digest;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

import org.jingban.notification.NotificationProperties;
import org.jingban.platform.calendar.WorkingDayCalendar;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.data.domain.Sort;
import org.springframework.data.mongodb.core.FindAndReplaceOptions;
import org.springframework.data.mongodb.core.ReactiveMongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.scheduling.annotation.Scheduled;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/** Builds the daily staff digest of every region from the {@link CaseDeadline} read model. */
public class DigestService {

    private static final Logger log = LoggerFactory.getLogger(DigestService.class);

    private final ReactiveMongoTemplate mongo;
    private final WorkingDayCalendar calendar;
    private final NotificationProperties.Digest settings;
    private final Clock clock;

    public DigestService(ReactiveMongoTemplate mongo, WorkingDayCalendar calendar, NotificationProperties.Digest settings,
                         Clock clock) {
        this.mongo = mongo;
        this.calendar = calendar;
        this.settings = settings;
        this.clock = clock;
    }

    @Scheduled(cron = "${jingban.notification.digest.cron:0 0 8 * * *}", zone = "${jingban.notification.digest.zone:Asia/Shanghai}")
    public void daily() {
        LocalDate today = LocalDate.ofInstant(clock.instant(), ZoneId.of(settings.getZone()));
        buildAll(today).doOnNext(d -> log.info("每日到期提醒 {}: {}", d.regionCode(), d.summary()))
                .then().block();
    }

    /** The digests of every region with open cases, for {@code today}, stored (replacing that day's). */
    public Flux<StaffDigest> buildAll(LocalDate today) {
        return mongo.findDistinct(new Query(Criteria.where("open").is(true)), "regionCode", CaseDeadline.class, String.class)
                .sort()
                .concatMap(region -> build(region, today));
    }

    public Mono<StaffDigest> build(String regionCode, LocalDate today) {
        LocalDate horizon = calendar.addWorkingDays(today, settings.getDueSoonWorkingDays());
        Query query = new Query(Criteria.where("regionCode").is(regionCode).and("open").is(true).and("paused").is(false)
                .and("dueDate").lte(horizon)).with(Sort.by("dueDate"));
        return mongo.find(query, CaseDeadline.class).collectList().flatMap(cases -> {
            List<StaffDigest.Entry> overdue = new ArrayList<>();
            List<StaffDigest.Entry> dueSoon = new ArrayList<>();
            for (CaseDeadline c : cases) {
                if (c.getDueDate() == null) {
                    continue;
                }
                if (c.getDueDate().isBefore(today)) {
                    overdue.add(entry(c, calendar.workingDaysBetween(c.getDueDate(), today)));
                } else {
                    dueSoon.add(entry(c, calendar.workingDaysBetween(today, c.getDueDate())));
                }
            }
            overdue.sort(Comparator.comparing(StaffDigest.Entry::dueDate));
            dueSoon.sort(Comparator.comparing(StaffDigest.Entry::dueDate));
            String summary = "超期办件" + overdue.size() + "件，" + settings.getDueSoonWorkingDays() + "个工作日内到期办件"
                    + dueSoon.size() + "件";
            StaffDigest digest = new StaffDigest(regionCode + ":" + today, regionCode, today, overdue, dueSoon, summary,
                    Instant.now(clock));
            return mongo.findAndReplace(new Query(Criteria.where("_id").is(digest.id())), digest,
                    FindAndReplaceOptions.options().upsert().returnNew(), StaffDigest.class, "staff_digests")
                    .defaultIfEmpty(digest);
        });
    }

    public Flux<StaffDigest> find(String regionCode, int page, int size) {
        Query query = new Query(Criteria.where("regionCode").is(regionCode)).with(Sort.by(Sort.Direction.DESC, "date"))
                .skip((long) page * size).limit(size);
        return mongo.find(query, StaffDigest.class);
    }

    private static StaffDigest.Entry entry(CaseDeadline c, int workingDays) {
        return new StaffDigest.Entry(c.getId(), c.getCaseNumber(), c.getItemCode(), c.getItemName(), c.getDueDate(),
                workingDays);
    }
}
