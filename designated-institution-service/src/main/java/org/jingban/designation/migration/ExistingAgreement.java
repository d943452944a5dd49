package org.jingban.designation.migration;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

import com.fasterxml.jackson.annotation.JsonProperty;
import io.swagger.v3.oas.annotations.media.ArraySchema;
import io.swagger.v3.oas.annotations.media.Schema;
import org.jingban.designation.agreement.Agreement;
import org.jingban.designation.agreement.Contact;
import org.jingban.designation.agreement.InstitutionCodes;
import org.jingban.designation.agreement.InstitutionKind;
import org.jingban.designation.agreement.Scopes;
import org.jingban.designation.api.AgreementEvents;
import org.jingban.platform.identifiers.Divisions;
import org.jingban.platform.identifiers.MobileNumber;
import org.jingban.platform.identifiers.UnifiedSocialCreditCode;
import org.jingban.platform.service.items.BankAccount;
import org.jingban.platform.web.problem.Violations;
import org.jingban.designation.agreement.Levels;

/**
 * One 医保协议 signed on paper before go-live, as the import takes it: the institution keeps its 定点医药机构编码 (national
 * layout: H 医疗机构 / P 零售药店, the 6-digit 行政区划 of its practice address, a 5-digit sequence), the agreement its
 * number, validity and scope; the 联系人 is who the office's messages reach. The persons of 表14/表15 and the bank account
 * are optional (paper files often lack them; 信息变更 adds them later) but checked when given.
 */
public record ExistingAgreement(
        @JsonProperty("定点医药机构编码") String institutionCode,
        @JsonProperty("机构名称") String name,
        @JsonProperty("统一社会信用代码") String creditCode,
        @JsonProperty("协议编号") @Schema(example = "WW-YBXY-2024-0001") String agreementNumber,
        @JsonProperty("协议开始日期") String validFrom,
        @JsonProperty("协议截止日期") String validUntil,
        @JsonProperty("协议范围") @ArraySchema(schema = @Schema(example = "异地就医直接结算")) List<String> scope,
        @JsonProperty("异地就医直接结算范围") @ArraySchema(schema = @Schema(example = "跨省异地")) List<String> offsiteKinds,
        @JsonProperty("医疗机构等级") @Schema(example = "二级") String level,
        @JsonProperty("注册地址") String address,
        @JsonProperty("诊疗科目或经营范围") @Schema(example = "内科；外科") String practiceScope,
        @JsonProperty("联系人姓名") String contactName,
        @JsonProperty("联系人手机号") String contactPhone,
        @JsonProperty("法定代表人信息(姓名、身份证号、联系方式)") Contact legalRepresentative,
        @JsonProperty("主要负责人信息(姓名、身份证号、联系方式)") Contact principal,
        @JsonProperty("实际控制人信息(姓名、身份证号、联系方式)") Contact controller,
        @JsonProperty("银行账户信息(账号、开户行)") BankAccount bankAccount) {


    public ExistingAgreement {
        scope = scope == null ? List.of() : scope.stream().filter(s -> s != null && !s.isBlank()).map(String::strip).toList();
        offsiteKinds = offsiteKinds == null ? List.of()
                : offsiteKinds.stream().filter(s -> s != null && !s.isBlank()).map(String::strip).toList();
    }

    /** Every problem of the row, named {@code <prefix>.<field>} (一次性告知); today bounds the validity. */
    void validate(Violations v, String prefix, LocalDate today) {
        v.require(prefix + "定点医药机构编码", institutionCode).require(prefix + "机构名称", name)
                .require(prefix + "统一社会信用代码", creditCode).require(prefix + "协议编号", agreementNumber)
                .require(prefix + "协议开始日期", validFrom).require(prefix + "协议截止日期", validUntil)
                .require(prefix + "协议范围", scope).require(prefix + "注册地址", address)
                .require(prefix + "联系人姓名", contactName).require(prefix + "联系人手机号", contactPhone);
        InstitutionKind kind = kind();
        if (present(institutionCode)) {
            String code = code();
            if (!InstitutionCodes.LAYOUT.matcher(code).matches()) {
                v.add(prefix + "定点医药机构编码", "invalid-institution-code", "定点医药机构编码应为H（医疗机构）或P（零售药店）"
                        + "+6位行政区划+5位顺序号，如H62060200001");
            } else {
                v.check(Divisions.isKnownRegionCode(division()) && !division().endsWith("0000"),
                        prefix + "定点医药机构编码", "unknown-region", "定点医药机构编码第2至7位" + division()
                                + "应为执业（营业）地址的市、县级行政区划代码");
                v.check(!code.endsWith("00000"), prefix + "定点医药机构编码", "invalid-institution-code",
                        "定点医药机构编码的顺序号从00001起");
            }
        }
        if (present(creditCode)) {
            UnifiedSocialCreditCode.check(creditCode.strip()).ifPresent(p -> v.add(prefix + "统一社会信用代码", p.code(), p.message()));
        }
        if (present(name)) {
            v.check(name.strip().length() <= 100, prefix + "机构名称", "too-long", "机构名称不超过100字");
        }
        if (present(agreementNumber)) {
            v.check(agreementNumber.strip().length() <= 64, prefix + "协议编号", "too-long", "协议编号不超过64个字符");
        }
        if (present(address)) {
            v.check(address.strip().length() <= 200, prefix + "注册地址", "too-long", "注册地址不超过200字");
        }
        LocalDate from = v.date(prefix + "协议开始日期", validFrom);
        LocalDate until = v.date(prefix + "协议截止日期", validUntil);
        if (from != null && until != null) {
            v.check(!until.isBefore(from), prefix + "协议截止日期", "before-start", "协议截止日期不能早于开始日期");
        }
        if (until != null) {
            v.check(!until.isBefore(today), prefix + "协议截止日期", "expired", "协议已于" + until
                    + "到期，不予导入（到期后继续定点的，按协议续签或重新申请办理）");
        }
        if (kind != null) {
            Scopes.check(v, prefix + "协议范围", "协议范围", kind, scope);
            if (kind == InstitutionKind.MEDICAL_INSTITUTION) {
                // settlement applies the policy of the institution's level
                v.require(prefix + "医疗机构等级", level);
                Levels.check(v, prefix + "医疗机构等级", level);
            }
        }
        List<String> unknownKinds = offsiteKinds.stream().filter(k -> !Scopes.OFFSITE_KINDS.contains(k)).toList();
        v.check(unknownKinds.isEmpty(), prefix + "异地就医直接结算范围", "unknown-option",
                "异地就医直接结算范围应为省内异地、跨省异地（" + String.join("、", unknownKinds) + "不适用）");
        if (!offsiteKinds.isEmpty()) {
            v.check(scopeValues().contains(AgreementEvents.OFFSITE_SETTLEMENT), prefix + "异地就医直接结算范围",
                    "offsite-not-agreed", "协议范围不含异地就医直接结算");
        }
        if (present(contactPhone)) {
            MobileNumber.check(contactPhone.strip()).ifPresent(p -> v.add(prefix + "联系人手机号", p.code(), p.message()));
        }
        checkPerson(v, prefix + "法定代表人信息(姓名、身份证号、联系方式)", legalRepresentative);
        checkPerson(v, prefix + "主要负责人信息(姓名、身份证号、联系方式)", principal);
        checkPerson(v, prefix + "实际控制人信息(姓名、身份证号、联系方式)", controller);
        if (bankAccount != null && (present(bankAccount.number()) || present(bankAccount.bank()))) {
            bankAccount.validate(v, prefix + "银行账户信息(账号、开户行)");
        }
    }

    private static void checkPerson(Violations v, String field, Contact c) {
        if (c != null && c.present()) {
            c.validate(v, field);
        }
    }

    /** The code as given, trimmed and upper-cased; null when missing. */
    String code() {
        return present(institutionCode) ? institutionCode.strip().toUpperCase(java.util.Locale.ROOT) : null;
    }

    /** H → 医疗机构, P → 零售药店; null when the code does not say. */
    InstitutionKind kind() {
        String code = code();
        if (code == null || code.isEmpty()) {
            return null;
        }
        return code.charAt(0) == 'H' ? InstitutionKind.MEDICAL_INSTITUTION
                : code.charAt(0) == 'P' ? InstitutionKind.RETAIL_PHARMACY : null;
    }

    /** The 行政区划 of the practice address the code carries. */
    String division() {
        return code().substring(1, 7);
    }

    String normalisedCreditCode() {
        return present(creditCode) ? creditCode.strip().toUpperCase(java.util.Locale.ROOT) : null;
    }

    String normalisedNumber() {
        return present(agreementNumber) ? agreementNumber.strip() : null;
    }

    String normalisedLevel() {
        return Levels.of(level);
    }

    Set<String> scopeValues() {
        Set<String> values = new LinkedHashSet<>();
        scope.forEach(l -> Scopes.value(l).ifPresent(values::add));
        return values;
    }

    /** The institution as the agreement holds it (a pharmacy has no 医疗机构等级). */
    Agreement.Institution institution() {
        return new Agreement.Institution(name.strip(), normalisedCreditCode(), address.strip(), division(),
                kind() == InstitutionKind.MEDICAL_INSTITUTION ? normalisedLevel() : null, person(legalRepresentative),
                person(principal), person(controller),
                bankAccount == null || !present(bankAccount.number()) ? null : bankAccount,
                present(practiceScope) ? practiceScope.strip() : null, contactName.strip(), contactPhone.strip());
    }

    /** 省内异地 and 跨省异地 unless the row names which (as 签订 opens both). */
    List<String> offsite() {
        return offsiteKinds.isEmpty() ? Scopes.OFFSITE_KINDS : new ArrayList<>(offsiteKinds);
    }

    private static Contact person(Contact c) {
        return c == null || !c.present() ? null : c;
    }

    private static boolean present(String s) {
        return s != null && !s.isBlank();
    }

    /** Personal data (the persons' 身份证号 and phones, the account): never printed whole. */
    @Override
    public String toString() {
        return "ExistingAgreement[" + institutionCode + ", " + agreementNumber + "]";
    }
}
