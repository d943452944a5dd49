package org.jingban.offsitefiling.onething;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

import org.jingban.offsitefiling.api.OneThingEvents;
import org.jingban.platform.calendar.WorkingDayCalendar;
import org.jingban.platform.catalog.BundleDefinition;
import org.jingban.platform.catalog.Catalog;
import org.jingban.platform.cases.Case;
import org.jingban.platform.cases.CaseActor;
import org.jingban.platform.cases.Party;
import org.jingban.platform.cases.Reason;
import org.jingban.platform.cases.SubmitCase;
import org.junit.jupiter.api.Test;
import org.jingban.enrollment.api.FamilySharingEvents;

/**
 * The bundle's own clock (seed 004: 承诺办结时限 2个工作日, 法定办结时限 3个工作日) and its parts, without the store: the
 * promise is the kernel's due date, the statutory date is counted the same way, and overdue shows on the bundle.
 */
class OneThingClockTest {

    static final Catalog CATALOG = Catalog.load();
    static final WorkingDayCalendar CALENDAR = WorkingDayCalendar.bundled();
    static final BundleDefinition BUNDLE = CATALOG.bundle(OneThingApplications.CODE, "620600").orElseThrow();
    static final String ID = "620602199001010035";

    static Case acceptedOn(LocalDate day) {
        Instant at = day.atTime(10, 0).atZone(Case.ZONE).toInstant();
        Case c = Case.submit("c-1", "620600-1", BUNDLE.item(), SubmitCase.builder(BUNDLE.code(), "620600")
                .applicant(Party.person(ID, "张三")).build(), at);
        c.accept(CaseActor.SYSTEM, at, CALENDAR);
        return c;
    }

    static OneThing bundle(List<OneThingEvents.Relative> relatives) {
        return OneThing.start("c-1", "620600-1", BUNDLE, ID, "张三", "620600", relatives, Instant.now());
    }

    @Test
    void the_bundle_is_overdue_after_two_working_days_and_past_the_statutory_limit_after_three() {
        LocalDate monday = LocalDate.of(2026, 11, 2);
        Case c = acceptedOn(monday);
        LocalDate statutory = CALENDAR.addWorkingDays(monday, 3);
        OneThing t = bundle(List.of(new OneThingEvents.Relative("张小", null, "620602199202020029", "子女")));

        assertThat(c.getDueDate()).isEqualTo(CALENDAR.addWorkingDays(monday, 2)).isEqualTo(LocalDate.of(2026, 11, 4));
        OneThingView onTime = OneThingView.of(t, c, null, statutory, LocalDate.of(2026, 11, 4));
        assertThat(onTime.overdue()).isFalse();
        OneThingView late = OneThingView.of(t, c, null, statutory, LocalDate.of(2026, 11, 5));
        assertThat(late.overdue()).isTrue();
        assertThat(late.statutoryOverdue()).isFalse();
        assertThat(OneThingView.of(t, c, null, statutory, LocalDate.of(2026, 11, 6)).statutoryOverdue()).isTrue();
        // the 家庭共济 request leaves with the bundle's first write
        assertThat(t.getOutbox()).extracting(e -> e.type()).containsExactly(OneThingEvents.FAMILY_SHARING_REQUESTED);
    }

    @Test
    void a_refused_part_is_named_once_with_every_reason_and_the_parts_done_stand() {
        OneThing t = bundle(List.of(new OneThingEvents.Relative("张小", null, "620602199202020029", "子女")));
        t.filingDone("620600-2", "备案有效期：2026-11-02 起长期有效");
        assertThat(t.settled()).isFalse(); // 家庭共济 still running
        assertThat(t.notice()).isNull();

        t.familyAnswered(new FamilySharingEvents.FamilySharingResult("c-1", List.of(), List.of(
                Reason.at("共济亲属[0]", "no-account", "您没有职工医保个人账户"),
                Reason.at("共济亲属[0]", "relative-not-insured-in-province", "共济亲属须在甘肃省内参保"))));

        assertThat(t.settled()).isTrue();
        assertThat(t.anyDone()).isTrue();
        assertThat(t.notice()).contains("「职工医保个人账户家庭共济办理」未办成：您没有职工医保个人账户；共济亲属须在甘肃省内参保",
                "「基本医疗保险参保人员异地就医备案」已办结，不受影响");
        assertThat(t.refusals()).hasSize(2);
        // the parts the 备案 enables (主动服务类) follow it
        assertThat(t.getParts()).filteredOn(p -> p.mode() == BundleDefinition.Mode.ENABLED)
                .allSatisfy(p -> assertThat(p.state()).isEqualTo(OneThing.State.ENABLED));
    }

    @Test
    void a_part_not_open_to_the_insured_pool_is_refused_at_once_with_the_guides_words() {
        // seed 004 适用对象说明: 职工医保个人账户家庭共济办理仅支持在甘肃省内参保人员 (a bundle offered elsewhere by data)
        OneThing t = OneThing.start("c-2", "510100-1", BUNDLE, ID, "张三", "510100",
                List.of(new OneThingEvents.Relative("张小", null, "620602199202020029", "子女")), Instant.now());

        OneThing.Part family = t.getParts().get(0);
        assertThat(family.state()).isEqualTo(OneThing.State.REFUSED);
        assertThat(family.reasons()).extracting(Reason::message)
                .containsExactly("职工医保个人账户家庭共济办理仅支持在甘肃省内参保人员");
        assertThat(t.getOutbox()).isEmpty(); // nothing asked of enrollment-service
    }
}
