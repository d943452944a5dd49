package org.jingban.transfer.certificate;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.annotation.JsonProperty;
import org.jingban.enrollment.api.InsuranceTypes;
import org.jingban.platform.cases.Party;
import org.jingban.platform.catalog.ItemDefinition;
import org.jingban.platform.identifiers.Divisions;
import org.jingban.platform.service.items.Delegate;
import org.jingban.platform.service.items.IdDocument;
import org.jingban.platform.service.items.ItemForm;
import org.jingban.platform.web.problem.Violations;
import org.jingban.platform.service.openapi.OneOf;

/**
 * The application for 622036003001 出具《参保凭证》 (即办件): the catalog's 受理信息必填项 (姓名, 证件类型及号码), the
 * 参保地 whose office issues it, and what 表8 prints that the read model does not know (户籍所在地, 户籍类型).
 *
 * @param regionCode    参保地: the 医保区划 of the issuing office (the 转出地)
 * @param insuranceType only this 险种 ({@link InsuranceTypes}); every 险种 of the 参保地 when blank
 */
public record CertificateApplicationForm(
        @JsonProperty("姓名") String name,
        @JsonProperty("证件类型及号码") IdDocument id,
        @JsonProperty("参保地") String regionCode,
        @OneOf(of = CertificateApplicationForm.class, field = "INSURANCE_TYPES") @JsonProperty("基本医疗保险类型") String insuranceType,
        @JsonProperty("户籍所在地") String householdRegistration,
        @JsonProperty("户籍类型") String householdType,
        @JsonProperty("申请材料") List<String> materials,
        @JsonProperty(Delegate.FIELD) Delegate delegate) implements ItemForm {

    static final String REGION = "参保地";
    private static final String ID = "证件类型及号码";

    /** A request without a body: every required field is reported missing. */
    public static CertificateApplicationForm orEmpty(CertificateApplicationForm form) {
        return form != null ? form : new CertificateApplicationForm(null, null, null, null, null, null, null, null);
    }

    @Override
    public List<String> materials() {
        return materials == null ? List.of() : materials;
    }

    /** 证件号码 as enrollment-service keeps it (trimmed, check letter upper case); null when none was sent. */
    public String idNumber() {
        return id == null || id.number() == null || id.number().isBlank() ? null : id.number().trim().toUpperCase();
    }

    public Party applicant() {
        return Party.person(idNumber(), name == null ? null : name.trim());
    }

    /** The 险种 asked for, null for all. */
    /** The 险种 a 参保凭证 is issued for. */
    public static final List<String> INSURANCE_TYPES = List.of(InsuranceTypes.EMPLOYEE_INSURANCE,
            InsuranceTypes.RESIDENT_INSURANCE);

    public String onlyInsuranceType() {
        return insuranceType == null || insuranceType.isBlank() ? null : insuranceType.trim();
    }

    /** Whether 参保地 is a 医保区划 (the item and the issuing office are looked up by it). */
    boolean knownRegion() {
        return regionCode != null && Divisions.isKnownRegionCode(regionCode);
    }

    /** 参保地, the 受理信息必填项 of the item in that region, the 居民身份证号码's check digit, the 险种 option. */
    @Override
    public Violations validate(ItemDefinition item) {
        Violations v = new Violations().require(REGION, regionCode);
        if (regionCode != null && !regionCode.isBlank() && !knownRegion()) {
            v.add(REGION, "unknown-region", "参保地医保区划代码无效");
        }
        v.requireAll(byCatalogName(), item.requiredFields());
        String idNumber = idNumber();
        if (idNumber != null) {
            // checked as the 证件类型 given: a 公民身份号码 for 身份证, 户口簿 and 居住证, any number for the others
            IdDocument.validateNumber(v, ID, id.type(), ID, idNumber);
        }
        String type = onlyInsuranceType();
        if (type != null) {
            v.check(INSURANCE_TYPES.contains(type),
                    "基本医疗保险类型", "unknown-option", "基本医疗保险类型应为职工基本医疗保险或城乡居民基本医疗保险");
        }
        return v;
    }

    /** 证件类型 (as given), 户籍所在地 and 户籍类型 as 表8 prints them (blank when not given). */
    Map<String, Object> household() {
        Map<String, Object> info = new LinkedHashMap<>();
        info.put("证件类型", id == null || id.type() == null || id.type().isBlank() ? IdDocument.RESIDENT_ID : id.type());
        info.put("户籍所在地", householdRegistration == null ? "" : householdRegistration);
        info.put("户籍类型", householdType == null ? "" : householdType);
        return info;
    }

    private Map<String, Object> byCatalogName() {
        Map<String, Object> fields = new LinkedHashMap<>();
        fields.put("姓名", name);
        fields.put(ID, idNumber());
        fields.put(REGION, regionCode);
        fields.put("基本医疗保险类型", insuranceType);
        fields.put("户籍所在地", householdRegistration);
        fields.put("户籍类型", householdType);
        return fields;
    }

    @Override
    public String toString() {
        return "CertificateApplicationForm[" + id + ", " + regionCode + "]";
    }
}
