package org.jingban.transfer.continuation;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.annotation.JsonProperty;
import org.jingban.enrollment.api.InsuranceTypes;
import org.jingban.platform.cases.Party;
import org.jingban.platform.catalog.ItemDefinition;
import org.jingban.platform.identifiers.Divisions;
import org.jingban.platform.identifiers.PostalCode;
import org.jingban.platform.service.items.IdDocument;
import org.jingban.platform.service.items.ItemForm;
import org.jingban.platform.web.problem.Violations;
import org.jingban.platform.service.openapi.OneOf;

/**
 * 表9 《基本医疗保险关系转移接续申请表》 (622036003002 转移接续手续办理): the 受理信息必填项 of the catalog, by their
 * names, and the materials provided. The transfer id this service gives the application is stored next to these
 * fields in the case's form ({@link #TRANSFER_ID}); the applicant never sends it.
 *
 * @param insuranceType 表9's option as sent: 职工医保 / 城乡居民医保 (or the full names); see {@link #enrollmentInsuranceType()}
 */
public record TransferApplicationForm(
        @JsonProperty("姓名") String name,
        @JsonProperty("证件类型及号码") IdDocument id,
        @JsonProperty("联系电话") String phone,
        @OneOf(of = TransferApplicationForm.class, field = "INSURANCE_TYPES") @JsonProperty("基本医疗保险类型") String insuranceType,
        @JsonProperty("转出地机构地址") String fromAddress,
        @JsonProperty("转出地机构邮编") String fromPostalCode,
        @JsonProperty("转出地医保(行政)区划代码") String fromRegionCode,
        @JsonProperty("转入地机构地址") String toAddress,
        @JsonProperty("转入地机构邮编") String toPostalCode,
        @JsonProperty("转入地医保(行政)区划代码") String toRegionCode,
        @JsonProperty("申请材料") List<String> materials,
        @OneOf(of = org.jingban.platform.identifiers.Gender.class) @JsonProperty("性别") String gender,
        @JsonProperty("户籍地址") String householdAddress,
        @OneOf(of = TransferApplicationForm.class, field = "HOUSEHOLD_TYPES") @JsonProperty("户籍类型") String householdType,
        @JsonProperty("联系地址") String mailingAddress,
        @JsonProperty("邮政编码") String postalCode,
        @JsonProperty("其他险种说明") String otherSchemeNote,
        @JsonProperty("转出地机构名称") String fromOfficeName,
        @JsonProperty("转出地机构联系电话") String fromOfficePhone,
        @JsonProperty("转入地机构名称") String toOfficeName,
        @JsonProperty("转入地机构联系电话") String toOfficePhone,
        @JsonProperty("申请人信息") Applicant applicantInfo,
        @JsonProperty("参保凭证号") String certificateNumber) implements ItemForm {

    /**
     * 表9's 申请人信息 ("若参保人办理，则不需填写"): who applies for the insured person (a relative, the unit's agent).
     */
    public record Applicant(@JsonProperty("姓名") String name,
                            @JsonProperty("证件类型及号码") IdDocument id,
                            @JsonProperty("与参保人关系") String relation,
                            @JsonProperty("联系电话") String phone,
                            @JsonProperty("联系地址") String address,
                            @JsonProperty("邮政编码") String postalCode) {
    }

    /**
     * Someone applies for the insured person (表9's 申请人信息, "若参保人办理，则不需填写"): 委托办理, so the 授权委托书 and
     * both identity documents are needed (seed 001 row 2, "下同").
     */
    @Override
    public boolean byAgent() {
        return applicantInfo != null;
    }

    /** 表9's 户籍类型 boxes. */
    public static final List<String> HOUSEHOLD_TYPES = List.of("居民", "农业", "非农业", "港澳台", "外籍");
    /** 表9's third 基本医疗保险类型 box, 其他(请说明): accepted with its 说明, then refused as not transferable here. */
    public static final String OTHER_SCHEME = "其他";
    /** 表9's 基本医疗保险类型 boxes (the full names are read as their boxes). */
    public static final List<String> INSURANCE_TYPES = List.of("职工医保", "城乡居民医保", OTHER_SCHEME,
            InsuranceTypes.EMPLOYEE_INSURANCE, InsuranceTypes.RESIDENT_INSURANCE);

    /** The name of the transfer id in the case's stored form (and of the answer's top-level reference). */
    public static final String TRANSFER_ID = "transferId";

    static final String FROM_REGION = "转出地医保(行政)区划代码";
    static final String TO_REGION = "转入地医保(行政)区划代码";
    private static final String ID = "证件类型及号码";

    /** A request without a body: every required field is reported missing. */
    public static TransferApplicationForm orEmpty(TransferApplicationForm form) {
        return form != null ? form : new TransferApplicationForm(null, null, null, null, null, null, null, null, null,
                null, null, null, null, null, null, null, null, null, null, null, null, null, null);
    }

    @Override
    public List<String> materials() {
        return materials == null ? List.of() : materials;
    }

    /** 证件号码 as enrollment-service keeps it (trimmed, check letter upper case); null when none was sent. */
    public String idNumber() {
        return id == null || id.number() == null || id.number().isBlank() ? null : id.number().trim().toUpperCase();
    }

    /** The applicant, who is also the person transferred. */
    public Party applicant() {
        return Party.person(idNumber(), name == null ? null : name.trim());
    }

    /** 表9 offers 职工医保 / 城乡居民医保; enrollment-service names the insurances in full. */
    public String enrollmentInsuranceType() {
        if (insuranceType == null) {
            return null;
        }
        return switch (insuranceType.trim()) {
            case "职工医保", InsuranceTypes.EMPLOYEE_INSURANCE -> InsuranceTypes.EMPLOYEE_INSURANCE;
            case "城乡居民医保", InsuranceTypes.RESIDENT_INSURANCE -> InsuranceTypes.RESIDENT_INSURANCE;
            case OTHER_SCHEME, "其他(请说明)", "其他（请说明）" -> OTHER_SCHEME;
            default -> insuranceType.trim();
        };
    }

    /**
     * The 受理信息必填项 of the item as the 转入地 defines it, the 居民身份证号码's check digit, the 险种 option, region
     * and postal codes, and that the two regions differ: every problem at once.
     */
    @Override
    public Violations validate(ItemDefinition item) {
        Violations v = new Violations().requireAll(byCatalogName(), item.requiredFields());
        String idNumber = idNumber();
        if (idNumber != null) {
            // checked as the 证件类型 given: a 公民身份号码 for 身份证, 户口簿 and 居住证, any number for the others
            IdDocument.validateNumber(v, ID, id.type(), ID, idNumber);
        }
        String type = enrollmentInsuranceType();
        if (type != null) {
            v.check(InsuranceTypes.EMPLOYEE_INSURANCE.equals(type) || InsuranceTypes.RESIDENT_INSURANCE.equals(type)
                            || OTHER_SCHEME.equals(type),
                    "基本医疗保险类型", "unknown-option", "基本医疗保险类型应为职工医保、城乡居民医保或其他(请说明)");
            if (OTHER_SCHEME.equals(type)) {
                v.require("其他险种说明", otherSchemeNote);
            }
        }
        if (gender != null && !gender.isBlank()) {
            v.check(gender.equals("男") || gender.equals("女"), "性别", "unknown-option", "性别应为男或女");
        }
        if (householdType != null && !householdType.isBlank()) {
            v.check(HOUSEHOLD_TYPES.contains(householdType), "户籍类型", "unknown-option",
                    "户籍类型应为" + String.join("、", HOUSEHOLD_TYPES) + "之一");
        }
        checkPostal(v, "邮政编码", postalCode);
        if (applicantInfo != null) {
            String a = "申请人信息.";
            v.require(a + "姓名", applicantInfo.name()).require(a + "证件类型及号码",
                            applicantInfo.id() == null ? null : applicantInfo.id().present())
                    .require(a + "与参保人关系", applicantInfo.relation()).require(a + "联系电话", applicantInfo.phone());
            if (applicantInfo.id() != null && applicantInfo.id().present() != null) {
                applicantInfo.id().validate(v, a + "证件类型及号码");
            }
            checkPostal(v, a + "邮政编码", applicantInfo.postalCode());
        }
        checkRegion(v, FROM_REGION, fromRegionCode);
        checkRegion(v, TO_REGION, toRegionCode);
        checkPostal(v, "转出地机构邮编", fromPostalCode);
        checkPostal(v, "转入地机构邮编", toPostalCode);
        if (fromRegionCode != null && fromRegionCode.equals(toRegionCode)) {
            v.add(TO_REGION, "same-region", "转入地与转出地相同，无需办理转移接续");
        }
        return v;
    }

    /**
     * Whether a case of this application kept in {@code caseRegion} is the 转出地's: accepted there for a 转入地 this
     * system does not serve, and handed to the 转入地 through the national platform. Every other case is the 转入地's
     * (由转入地经办机构受理并负责办结).
     */
    public boolean heldBySendingOffice(String caseRegion) {
        return caseRegion != null && caseRegion.equals(fromRegionCode) && !caseRegion.equals(toRegionCode);
    }

    /** Whether the 转入地 is a 医保区划 at all (the item and the office that handles the case are looked up by it). */
    boolean knownReceivingRegion() {
        return toRegionCode != null && Divisions.isKnownRegionCode(toRegionCode);
    }

    private Map<String, Object> byCatalogName() {
        Map<String, Object> fields = new LinkedHashMap<>();
        fields.put("姓名", name);
        fields.put(ID, idNumber());
        fields.put("联系电话", phone);
        fields.put("基本医疗保险类型", insuranceType);
        fields.put("转出地机构地址", fromAddress);
        fields.put("转出地机构邮编", fromPostalCode);
        fields.put(FROM_REGION, fromRegionCode);
        fields.put("转入地机构地址", toAddress);
        fields.put("转入地机构邮编", toPostalCode);
        fields.put(TO_REGION, toRegionCode);
        return fields;
    }

    private static void checkRegion(Violations v, String field, String code) {
        if (code != null && !code.isBlank()) {
            v.check(Divisions.isKnownRegionCode(code), field, "unknown-region", "医保区划代码无效");
        }
    }

    private static void checkPostal(Violations v, String field, String code) {
        if (code != null && !code.isBlank()) {
            PostalCode.check(code).ifPresent(p -> v.add(field, p.code(), p.message()));
        }
    }

    @Override
    public String toString() {
        return "TransferApplicationForm[" + id + ", " + fromRegionCode + " → " + toRegionCode + "]";
    }
}
