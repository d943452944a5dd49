package org.jingban.enrollment.employer;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.List;

import org.jingban.enrollment.api.UnitEvents;
import org.jingban.platform.messaging.EventJson;
import org.jingban.platform.messaging.OutboxEvent;
import org.jingban.platform.security.test.TestIdentities;
import org.jingban.platform.service.items.BankAccount;
import org.jingban.platform.service.items.IdDocument;
import org.junit.jupiter.api.Test;

/**
 * The unit events carry the unit's contact phone in the published contract ({@link UnitEvents.Unit}), so that
 * notification-service reaches the unit by SMS: the 单位经办人员's 手机号 of 表1, the 缴费单位经办人员联系电话 of 表4 after
 * 单位参保信息变更登记, the 法定代表人's 电话 when no agent's phone is registered.
 */
class UnitEventContactPhoneTest {

    static final Instant AT = Instant.parse("2026-11-23T01:00:00Z");
    static final String WUWEI = "620600";

    private static UnitDetails details(LegalRepresentative rep, Agent agent) {
        return new UnitDetails(null, "武威市凉州区测试商贸有限公司", "企业", "甘肃省武威市凉州区东大街1号", rep,
                new BankAccount("6228480000000000001", "中国农业银行武威分行", null), List.of("职工基本医疗保险"),
                "2026-11-01", WUWEI, agent);
    }

    private static LegalRepresentative rep(String phone) {
        return new LegalRepresentative("张三", new IdDocument("居民身份证", TestIdentities.idNumber(7)), phone);
    }

    private static UnitEvents.Unit published(OutboxEvent event) {
        return EventJson.read(event.dataJson(), UnitEvents.Unit.class);
    }

    @Test
    void registration_publishes_the_agents_mobile_as_the_units_contact_phone() {
        String uscc = TestIdentities.randomUnitCode(WUWEI);
        Employer unit = Employer.register("U-1", uscc, details(rep("0935-2116032"), new Agent("钱七", "13809351234")),
                RegistrationType.NEW, "case-1", "620600-20261123-000001", AT);

        assertThat(unit.getOutbox()).hasSize(1);
        OutboxEvent event = unit.getOutbox().get(0);
        assertThat(event.type()).isEqualTo(UnitEvents.REGISTERED);
        assertThat(published(event)).isEqualTo(new UnitEvents.Unit("U-1", uscc, "武威市凉州区测试商贸有限公司", WUWEI,
                "13809351234"));
    }

    @Test
    void a_change_of_the_agents_phone_is_in_the_changed_event() {
        String uscc = TestIdentities.randomUnitCode(WUWEI);
        Employer unit = Employer.register("U-2", uscc, details(rep("0935-2116032"), new Agent("钱七", "13809351234")),
                RegistrationType.NEW, "case-1", "620600-20261123-000002", AT);
        UnitChange change = new UnitChange(null, unit.getName(), unit.getAddress(), unit.getNature(),
                unit.getBankAccount(), unit.getLegalRepresentative(), new Agent("孙八", "13909357777"));

        unit.applyChange(change, "case-2", "620600-20261130-000003", AT.plusSeconds(86_400 * 7));

        OutboxEvent changed = unit.getOutbox().get(unit.getOutbox().size() - 1);
        assertThat(changed.type()).isEqualTo(UnitEvents.CHANGED);
        assertThat(published(changed).contactPhone()).isEqualTo("13909357777");
        assertThat(changed.dataJson()).contains("缴费单位经办人员联系电话");
    }

    @Test
    void without_an_agents_phone_the_legal_representatives_is_published_and_a_fixed_line_stays_as_it_is() {
        Employer unit = Employer.register("U-3", TestIdentities.randomUnitCode(WUWEI),
                details(rep("0935-2116032"), new Agent("钱七", " ")), RegistrationType.NEW, "case-1",
                "620600-20261123-000004", AT);

        assertThat(published(unit.getOutbox().get(0)).contactPhone()).isEqualTo("0935-2116032");
    }

    @Test
    void a_unit_without_any_phone_publishes_none() {
        Employer unit = Employer.register("U-4", TestIdentities.randomUnitCode(WUWEI), details(null, null),
                RegistrationType.NEW, "case-1", "620600-20261123-000005", AT);

        assertThat(published(unit.getOutbox().get(0)).contactPhone()).isNull();
    }
}
