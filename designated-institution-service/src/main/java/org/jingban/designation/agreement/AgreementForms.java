package org.jingban.designation.agreement;

import org.jingban.platform.service.items.BankAccount;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;

import com.fasterxml.jackson.annotation.JsonProperty;
import org.jingban.platform.catalog.ItemDefinition;
import org.jingban.platform.identifiers.MobileNumber;
import org.jingban.platform.service.items.ItemForm;
import org.jingban.platform.web.problem.Violations;

/**
 * The forms of the items after the agreement (local items: the sources print no 受理信息必填项, so these are what the
 * change itself needs; Wuwei's 变更申请表 and Songpan's 书面申请 are materials).
 */
public final class AgreementForms {

    private AgreementForms() {
    }

    /** 定点医药机构信息变更: only the items that change; 批准变更日期 for a 重大信息 change. */
    public record InformationChange(
            @JsonProperty("机构名称") String name,
            @JsonProperty("注册地址") String address,
            @JsonProperty("法定代表人信息(姓名、身份证号、联系方式)") Contact legalRepresentative,
            @JsonProperty("主要负责人信息(姓名、身份证号、联系方式)") Contact principal,
            @JsonProperty("实际控制人信息(姓名、身份证号、联系方式)") Contact controller,
            @JsonProperty("银行账户信息(账号、开户行)") BankAccount bankAccount,
            @io.swagger.v3.oas.annotations.media.Schema(description = "一级、二级、三级（可含甲乙丙等）或未定级", example = "二级甲等") @JsonProperty("医疗机构等级") String level,
            @JsonProperty("诊疗科目或经营范围") String practiceScope,
            @JsonProperty("联系人姓名") String contactName,
            @JsonProperty("联系人手机号") String contactPhone,
            @JsonProperty("批准变更日期") String approvedOn,
            @JsonProperty("变更说明") String remark,
            @JsonProperty("申请材料") List<String> materials,
            @JsonProperty("渠道") String channel) implements ItemForm {

        public InformationChange {
            materials = materials == null ? List.of() : List.copyOf(materials);
        }

        @Override
        public Violations validate(ItemDefinition item) {
            Violations v = new Violations();
            v.check(!changed().isEmpty(), "变更事项", "nothing-to-change", "请填写至少一项变更后的信息");
            if (legalRepresentative != null) {
                legalRepresentative.validate(v, "法定代表人信息(姓名、身份证号、联系方式)");
            }
            if (principal != null) {
                principal.validate(v, "主要负责人信息(姓名、身份证号、联系方式)");
            }
            if (controller != null) {
                controller.validate(v, "实际控制人信息(姓名、身份证号、联系方式)");
            }
            if (bankAccount != null) {
                bankAccount.validate(v, "银行账户信息(账号、开户行)");
            }
            Levels.check(v, "医疗机构等级", level);
            if (contactPhone != null) {
                MobileNumber.check(contactPhone).ifPresent(p -> v.add("联系人手机号", p.code(), p.message()));
            }
            LocalDate approved = date(v, "批准变更日期", approvedOn);
            if (major() && approvedOn == null) {
                v.add("批准变更日期", "required", "名称、法定代表人、主要负责人、实际控制人、注册地址、银行账户、诊疗科目或经营范围、等级等"
                        + "重大信息变更，须填写有关部门批准变更的日期");
            }
            if (approved != null) {
                v.check(!approved.isAfter(LocalDate.now().plusDays(1)), "批准变更日期", "in-future", "批准变更日期不能晚于今天");
            }
            return v;
        }

        /** The items that change, by their names. */
        public List<String> changed() {
            List<String> c = new ArrayList<>();
            add(c, "机构名称", name);
            add(c, "注册地址", address);
            add(c, "法定代表人", legalRepresentative);
            add(c, "主要负责人", principal);
            add(c, "实际控制人", controller);
            add(c, "银行账户", bankAccount);
            add(c, "医疗机构等级", level);
            add(c, "诊疗科目或经营范围", practiceScope);
            add(c, "联系人姓名", contactName);
            add(c, "联系人手机号", contactPhone);
            return c;
        }

        /**
         * 重大信息 (《医疗机构医疗保障定点管理暂行办法》第四十条, 《零售药店医疗保障定点管理暂行办法》第三十七条): to be reported within
         * 30 working days of the approval; the others 及时书面告知.
         */
        public boolean major() {
            return changed().stream().anyMatch(c -> !c.startsWith("联系人"));
        }

        public LocalDate approved() {
            try {
                return approvedOn == null || approvedOn.isBlank() ? null : LocalDate.parse(approvedOn.trim());
            } catch (DateTimeParseException e) {
                return null;
            }
        }

        /** The institution's data with this change applied. */
        public Agreement.Institution applyTo(Agreement.Institution i) {
            return new Agreement.Institution(or(name, i.name()), i.creditCode(), or(address, i.address()), i.divisionCode(),
                    level == null ? i.level() : List.of("一级", "二级", "三级", "未定级").stream().filter(level::startsWith)
                            .findFirst().orElse(i.level()),
                    legalRepresentative == null ? i.legalRepresentative() : legalRepresentative,
                    principal == null ? i.principal() : principal, controller == null ? i.controller() : controller,
                    bankAccount == null ? i.bankAccount() : bankAccount, or(practiceScope, i.practiceScope()),
                    or(contactName, i.contactName()), or(contactPhone, i.contactPhone()));
        }

        private static String or(String a, String b) {
            return a == null || a.isBlank() ? b : a.trim();
        }

        private static void add(List<String> c, String label, Object value) {
            if (value instanceof String s ? !s.isBlank() : value != null) {
                c.add(label);
            }
        }
    }

    /** 定点医药机构申请暂停（终止）协议管理 (松潘, 即时办结). */
    public record Suspension(@JsonProperty("类型") String type, @JsonProperty("原因") String reason,
                             @JsonProperty("暂停开始日期") String from, @JsonProperty("暂停结束日期") String until,
                             @JsonProperty("终止日期") String terminateOn,
                             @JsonProperty("申请材料") List<String> materials,
                             @JsonProperty("渠道") String channel) implements ItemForm {

        public static final String SUSPEND = "暂停";
        public static final String TERMINATE = "终止";

        public Suspension {
            materials = materials == null ? List.of() : List.copyOf(materials);
        }

        @Override
        public Violations validate(ItemDefinition item) {
            Violations v = new Violations().require("类型", type).require("原因", reason);
            if (type != null && !type.isBlank()) {
                v.check(SUSPEND.equals(type) || TERMINATE.equals(type), "类型", "unknown-option", "类型应为暂停或终止");
            }
            if (SUSPEND.equals(type)) {
                v.require("暂停开始日期", from);
            }
            LocalDate f = date(v, "暂停开始日期", from);
            LocalDate u = date(v, "暂停结束日期", until);
            date(v, "终止日期", terminateOn);
            if (f != null && u != null) {
                v.check(!u.isBefore(f), "暂停结束日期", "before-start", "暂停结束日期不能早于开始日期");
            }
            return v;
        }

        public boolean terminate() {
            return TERMINATE.equals(type);
        }
    }

    /** 定点医药机构申请恢复协议管理 (松潘, 10 working days). */
    public record Resumption(@JsonProperty("说明") String remark, @JsonProperty("申请材料") List<String> materials,
                             @JsonProperty("渠道") String channel) implements ItemForm {
        public Resumption {
            materials = materials == null ? List.of() : List.copyOf(materials);
        }

        @Override
        public Violations validate(ItemDefinition item) {
            return new Violations().require("说明", remark);
        }
    }

    /** 定点医药机构开通异地就医直接结算业务 (松潘, 22 working days): 省内异地 and/or 跨省异地. */
    public record OffsiteSettlement(@JsonProperty("开通范围") List<String> kinds,
                                    @JsonProperty("申请材料") List<String> materials,
                                    @JsonProperty("渠道") String channel) implements ItemForm {
        public OffsiteSettlement {
            kinds = kinds == null ? List.of() : List.copyOf(kinds);
            materials = materials == null ? List.of() : List.copyOf(materials);
        }

        @Override
        public Violations validate(ItemDefinition item) {
            Violations v = new Violations().require("开通范围", kinds);
            List<String> unknown = kinds.stream().filter(k -> !Scopes.OFFSITE_KINDS.contains(k)).toList();
            v.check(unknown.isEmpty(), "开通范围", "unknown-option", "开通范围应为省内异地、跨省异地（" + String.join("、", unknown) + "不适用）");
            return v;
        }
    }

    static LocalDate date(Violations v, String field, String text) {
        if (text == null || text.isBlank()) {
            return null;
        }
        try {
            return LocalDate.parse(text.trim());
        } catch (DateTimeParseException e) {
            v.add(field, "invalid-date", field + "应为yyyy-MM-dd格式的日期");
            return null;
        }
    }

    static LocalDate parse(String text) {
        return text == null || text.isBlank() ? null : LocalDate.parse(text.trim());
    }
}
