package org.jingban.notification.template;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.List;
import java.util.Optional;

import org.jingban.platform.cases.CaseEventData;
import org.jingban.platform.cases.CaseEvents;
import org.jingban.platform.cases.CaseStatus;
import org.jingban.platform.cases.Channel;
import org.jingban.platform.cases.Party;
import org.jingban.platform.cases.Reason;
import org.jingban.platform.catalog.Catalog;
import org.jingban.platform.catalog.ItemDefinition;
import org.jingban.platform.catalog.MessageTemplate;
import org.junit.jupiter.api.Test;

class TemplateChoiceTest {

    static final Catalog CATALOG = Catalog.load();
    static final Party HOSPITAL = Party.institution("H62060000001", "武威市凉州医院");

    static CaseEventData event(ItemDefinition item, CaseStatus status, String stage, List<Reason> reasons) {
        return new CaseEventData("case-x", "620600-20261103-000009", item.code(), item.name(), "620600", HOSPITAL,
                HOSPITAL, Channel.PORTAL, LocalDate.of(2026, 11, 3), status, stage, null, null, reasons, null, null, null);
    }

    static Optional<String> chosen(String type, CaseEventData data, ItemDefinition item) {
        return TemplateChoice.forEvent(type, data, item).map(MessageTemplate::event);
    }

    @Test
    void an_ordinary_item_gets_completed_on_completion_and_failed_on_refusal_or_rejection_only() {
        ItemDefinition transfer = CATALOG.item("622036003002", "620600");
        CaseEventData data = event(transfer, CaseStatus.COMPLETED, "办结", null);
        assertThat(chosen(CaseEvents.COMPLETED, data, transfer)).contains("completed");
        assertThat(chosen(CaseEvents.REFUSED, data, transfer)).contains("failed");
        assertThat(chosen(CaseEvents.REJECTED, data, transfer)).contains("failed");
        assertThat(chosen(CaseEvents.ACCEPTED, data, transfer)).isEmpty();
        assertThat(chosen(CaseEvents.SUPPLEMENT_REQUESTED, data, transfer)).isEmpty();
        assertThat(chosen(CaseEvents.STAGE_COMPLETED, event(transfer, CaseStatus.UNDER_REVIEW, "审核", null), transfer))
                .isEmpty();
    }

    @Test
    void a_hospital_hears_its_evaluation_result_after_the_evaluation_stage_or_when_refused() {
        ItemDefinition designation = CATALOG.item("622036009001", "620600");
        assertThat(chosen(CaseEvents.STAGE_COMPLETED, event(designation, CaseStatus.UNDER_REVIEW, "评估", null),
                designation)).contains("evaluation-passed");
        assertThat(chosen(CaseEvents.COMPLETED, event(designation, CaseStatus.COMPLETED, "办结", null), designation))
                .contains("evaluation-passed");
        CaseEventData refused = event(designation, CaseStatus.REFUSED, "评估",
                List.of(Reason.of("evaluation.failed", "信息系统未按要求与医保信息平台对接")));
        assertThat(chosen(CaseEvents.REFUSED, refused, designation)).contains("evaluation-failed");

        String text = TemplateRenderer.render(designation.template("evaluation-failed").orElseThrow(), "武威市医疗保障局",
                TemplateValues.of(refused, designation, CATALOG));
        assertThat(text).startsWith("【武威市医疗保障局】武威市凉州医院,经评估，你单位申请定点协议管理的评价结果为不合格。"
                + "原因为：信息系统未按要求与医保信息平台对接。如有疑问，请咨询");
    }

    @Test
    void a_lapsed_or_refused_application_is_no_evaluation_failure_and_neither_is_an_objection_upheld_in_the_publicity() {
        ItemDefinition designation = CATALOG.item("622036009001", "620600");
        // 补正 not made within 5 working days (seed 002 §二十五): 不予受理, nothing was evaluated
        CaseEventData lapsed = event(designation, CaseStatus.REJECTED, "受理",
                List.of(Reason.of("supplement.lapsed", "未在5个工作日内补齐补正材料")));
        assertThat(chosen(CaseEvents.REJECTED, lapsed, designation)).isEmpty();
        CaseEventData objection = event(designation, CaseStatus.REFUSED, "公示",
                List.of(Reason.of("objection.upheld", "公示期间异议成立")));
        assertThat(chosen(CaseEvents.REFUSED, objection, designation)).isEmpty();
    }
}
