package org.jingban.designation.document;

import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.jingban.designation.agreement.Agreement;
import org.jingban.designation.agreement.DesignationPolicy;
import org.jingban.designation.agreement.InstitutionKind;
import org.jingban.designation.agreement.Scopes;
import org.jingban.designation.application.DesignationForm;
import org.jingban.designation.application.DesignationRules;
import org.jingban.designation.application.DesignationSteps;
import org.jingban.designation.application.Dossier;
import org.jingban.designation.application.SupplementLapse;
import org.jingban.platform.calendar.UnknownScheduleYearException;
import org.jingban.platform.calendar.WorkingDayCalendar;
import org.jingban.platform.cases.Case;
import org.jingban.platform.cases.CaseAction;
import org.jingban.platform.cases.CaseStatus;
import org.jingban.platform.cases.HistoryEntry;
import org.jingban.platform.cases.Reason;
import org.jingban.platform.catalog.Catalog;
import org.jingban.platform.catalog.Office;
import org.jingban.platform.identifiers.Divisions;
import org.jingban.platform.signing.OfficeKeys;
import org.jingban.platform.signing.OfficeNames;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.data.mongodb.core.ReactiveMongoTemplate;
import org.springframework.stereotype.Service;
import reactor.core.publisher.Mono;

/**
 * The documents of seed 002's forms as data: 表19 受理回执, 表20 配合评估材料清单, 表21 补齐补正通知书 (one per notice), 表22
 * 不予受理回执, 表23 评估不合格告知书, and the 医保协议. The titles the Hubei model prints ("湖北省…") carry the issuing
 * province's name. Each exists once its step happened, is sealed by the office of the region when first issued
 * (platform/signing's {@link OfficeKeys}: SM3withSM2 with the office's certificate, as transfer-service's 参保凭证), and
 * is then returned unchanged.
 */
@Service
public class DesignationDocuments {

    /** The forms an application can have, in order. */
    public static final List<String> FORMS = List.of("19", "20", "21", "22", "23");

    /** 表20 (seed 002), by kind. */
    static final List<String> EVALUATION_MATERIALS_MEDICAL = List.of(
            "医生、护士、医药学技术人员相关证书，有劳务关系的需提供劳动合同或劳务合同(二级(含)以上医疗机构应提供每类人员至少2名相关证书及劳动合同或劳务合同)",
            "开设的与服务功能相适应的诊断、治疗、手术、住院、药品贮存及发放、检查检验放射等科室及主要仪器设备列表加盖单位公章的原件及PDF扫描件",
            "卫生健康部门医疗机构评审的结果原件、加盖单位公章的复印件及PDF扫描件",
            "近三个月医疗服务(含基本医疗服务以及医疗美容、辅助生殖、生活照护、种植牙等非基本医疗服务)总量及发生的医疗费用明细原件及数据电子件",
            "申请生育服务的需提供：《母婴保健技术服务执业许可证》正、副本原件、加盖单位公章复印件及PDF扫描件",
            "事业单位法人证书或民办非企业单位登记证书或营业执照正、副本原件及PDF扫描件；其他无事业单位法人证书或民办非企业单位登记证书提供其设立机构的事业单位法人证书或民办非企业单位登记证书；统一社会信用代码证，医疗机构级别证明文书(未评级除外)",
            "法定代表人、主要负责人或实际控制人身份证原件PDF扫描件",
            "有劳务关系的医保专(兼)职人员需提供劳动合同或劳务合同",
            "营业场所所产权证、使用权证或租赁合同");
    static final List<String> EVALUATION_MATERIALS_PHARMACY = List.of(
            "药店正门开业状态照片电子件(需包含药店招牌、名称、门牌号码)",
            "医保药品标识照片电子件",
            "销售药品及其他规定用品的服务场所产权证、使用权证或租赁合同");

    private final ReactiveMongoTemplate mongo;
    private final OfficeKeys keys;
    private final OfficeNames offices;
    private final Catalog catalog;
    private final WorkingDayCalendar calendar;
    private final DesignationPolicy policy;
    private final Clock clock;

    public DesignationDocuments(ReactiveMongoTemplate mongo, OfficeKeys keys, OfficeNames offices, Catalog catalog,
                                WorkingDayCalendar calendar, DesignationPolicy policy, Clock clock) {
        this.mongo = mongo;
        this.keys = keys;
        this.offices = offices;
        this.catalog = catalog;
        this.calendar = calendar;
        this.policy = policy;
        this.clock = clock;
    }

    /** A document's key as the path names it: 19, 20, 21-1 (the first 补正 notice), 22, 23. */
    public record Listed(String form, String title, String number) {
    }

    /** The documents this application has so far. */
    public List<Listed> available(Case c, Dossier d) {
        List<Listed> out = new ArrayList<>();
        String province = province(c.getRegionCode());
        int n = notices(c).size();
        for (int i = 1; i <= n; i++) {
            out.add(new Listed("21-" + i, province + "定点医药机构申请材料补齐补正通知书", c.getCaseNumber() + "-BZ" + i));
        }
        if (c.getAcceptedOn() != null) {
            out.add(new Listed("19", province + "定点医药机构受理回执", c.getCaseNumber()));
            out.add(new Listed("20", "配合评估材料清单", c.getCaseNumber()));
        }
        if (c.getStatus() == CaseStatus.REJECTED) {
            out.add(new Listed("22", province + "定点医药机构不予受理回执", c.getCaseNumber() + "-BY"));
        }
        if (d != null && d.getEvaluation() != null && !d.getEvaluation().passed()) {
            out.add(new Listed("23", province + "新增定点医药机构评估不合格告知书", c.getCaseNumber()));
        }
        return out;
    }

    /** The document issued (sealed once), or empty when the application has no such document (yet). */
    public Mono<IssuedDocument> issue(Case c, Dossier d, String form) {
        return available(c, d).stream().filter(l -> l.form().equals(form)).findFirst()
                .map(l -> issueOnce(c.getCaseNumber() + ":" + form, form, l.title(), l.number(), c.getRegionCode(),
                        content(c, d, l)))
                .orElse(Mono.empty());
    }

    /** The 医保协议 as a document. */
    public Mono<IssuedDocument> agreement(Agreement a) {
        Map<String, Object> m = new LinkedHashMap<>();
        put(m, "协议编号", a.getAgreementNumber());
        put(m, "甲方（经办机构）", offices.name(a.getRegionCode()));
        put(m, "乙方（定点医药机构）", a.getInstitution().name());
        put(m, "定点医药机构编码", a.getInstitutionCode());
        put(m, "统一社会信用代码", a.getCreditCode());
        put(m, "机构类别", a.getKind().label());
        put(m, "医疗机构等级", a.getInstitution().level());
        put(m, "地址", a.getInstitution().address());
        put(m, "协议范围", a.getScope().stream().map(Scopes::label).toList());
        put(m, "异地就医直接结算", a.getOffsiteSettlement().isEmpty() ? null : a.getOffsiteSettlement());
        put(m, "协议有效期", a.getValidFrom() + "至" + a.getValidUntil());
        // an agreement imported at go-live was signed on paper on a day this system does not know
        put(m, "签订日期", a.isImported() ? null : a.getValidFrom().toString());
        put(m, "受理号", a.getCaseNumber());
        put(m, "备注", a.isImported() ? "系统上线前已签订的医保协议（导入）" : null);
        return issueOnce(a.getInstitutionCode() + ":agreement:" + a.getAgreementNumber(), "agreement", "医疗保障定点服务协议",
                a.getAgreementNumber(), a.getRegionCode(), m);
    }

    private Mono<IssuedDocument> issueOnce(String id, String form, String title, String number, String region,
                                           Map<String, Object> content) {
        return mongo.findById(id, IssuedDocument.class).switchIfEmpty(Mono.defer(() -> keys.seal(region, content)
                .flatMap(s -> mongo.insert(new IssuedDocument(id, form, title, number, region, content, s, clock.instant())))
                .onErrorResume(DuplicateKeyException.class, e -> mongo.findById(id, IssuedDocument.class))));
    }

    private Map<String, Object> content(Case c, Dossier d, Listed l) {
        DesignationForm form = DesignationSteps.form(c);
        String region = c.getRegionCode();
        String item = (form.kind() == InstitutionKind.MEDICAL_INSTITUTION ? "医疗机构" : "零售药店") + "申请定点协议管理";
        Map<String, Object> m = new LinkedHashMap<>();
        put(m, "标题", l.title());
        put(m, "编号", l.number());
        if (!l.form().equals("20")) {
            put(m, "机构名称", form.institutionName());
            put(m, "机构地址", form.registeredAddress());
            put(m, "办理事项", item);
        }
        switch (l.form().substring(0, 2)) {
            case "19" -> {
                put(m, "正文", "你单位申请已受理，请按《配合评估材料清单》备齐相应材料，做好评估准备工作。如未按约定时间配合完成评估，视为自愿放弃当次申请。");
                LocalDate by = workingDaysAfter(c.getAcceptedOn(), policy.evaluationPreparationWorkingDays(region));
                put(m, "评估时间", by == null ? null : "在" + by + "之前");
                put(m, "经办日期", String.valueOf(c.getAcceptedOn()));
            }
            case "20" -> put(m, form.kind() == InstitutionKind.MEDICAL_INSTITUTION ? "一、医疗机构需准备的评估材料"
                    : "二、零售药店需准备的评估材料", form.kind() == InstitutionKind.MEDICAL_INSTITUTION
                    ? EVALUATION_MATERIALS_MEDICAL : EVALUATION_MATERIALS_PHARMACY);
            case "21" -> {
                HistoryEntry notice = notices(c).get(Integer.parseInt(l.form().substring(3)) - 1);
                LocalDate on = LocalDate.ofInstant(notice.time(), Case.ZONE);
                put(m, "补齐补正材料", notice.remark() == null ? List.of() : Arrays.asList(notice.remark().split("；")));
                put(m, "备注", "申请机构应在5个工作日内补齐补正，逾期视为放弃当次申请");
                LocalDate due = workingDaysAfter(on, SupplementLapse.SUPPLEMENT_WORKING_DAYS);
                put(m, "补齐补正期限", due == null ? null : due.toString());
                put(m, "经办日期", on.toString());
            }
            case "22" -> {
                put(m, "不予受理原因", c.getReasons().stream().map(Reason::message).toList());
                put(m, "经办日期", String.valueOf(c.getFinishedOn()));
            }
            case "23" -> {
                Dossier.Evaluation e = d.getEvaluation();
                put(m, "评估结果", e.repeat() ? "再次评估不合格" : "初次评估不合格");
                put(m, "不合格理由", "经评估，" + String.join("；", e.reasons()));
                put(m, "整改建议", e.suggestions());
                put(m, "备注", List.of("本告知书一式两份，一份送达申请机构，一份由经办机构留存",
                        "自初次评估结果送达起，整改3个月后可再次申请评估；再次评估仍不合格的，12个月内不得再次申请。"));
                // the bars run from the 送达 (签收日期), which comes after this document is sealed: the date a new
                // application is possible is in the 签收 block (receipt), not in the sealed content
                put(m, "经办日期", e.evaluatedOn().toString());
            }
            default -> {
            }
        }
        // the office as it seals (its certificate's and the seal's officeName); the phone is the catalog's for the region
        put(m, "经办机构", offices.name(region));
        put(m, "联系电话", catalog.office(region).map(Office::consultPhone).orElse(null));
        return m;
    }

    /**
     * The 签收 block of 表23 as served next to the sealed document (签收人, 签收人联系电话 masked, 签收日期, 送达方式, 可再次申请
     * 日期), or {"送达状态": "尚未送达"}; null for the other forms, whose 签收 is on paper.
     */
    public static Map<String, Object> receipt(String form, Dossier d) {
        if (!"23".equals(form) || d == null || d.getEvaluation() == null || d.getEvaluation().passed()) {
            return null;
        }
        Map<String, Object> m = new LinkedHashMap<>();
        Dossier.NoticeDelivery n = d.getNoticeDelivery();
        if (n == null) {
            m.put("送达状态", "尚未送达");
            m.put("说明", "自告知书送达之日起计算再次申请的期限；请签收本告知书");
            return m;
        }
        m.put("送达状态", "已送达");
        m.put("送达方式", n.method());
        m.put("签收人", n.recipient());
        put(m, "签收人联系电话", n.maskedPhone());
        m.put("签收日期", n.deliveredOn().toString());
        m.put("可再次申请日期", DesignationRules.reapplyFrom(n.deliveredOn(), d.getEvaluation().repeat()).toString());
        return m;
    }

    static List<HistoryEntry> notices(Case c) {
        return c.getHistory().stream().filter(h -> h.action() == CaseAction.REQUEST_SUPPLEMENT).toList();
    }

    private LocalDate workingDaysAfter(LocalDate from, int days) {
        try {
            return from == null ? null : calendar.addWorkingDays(from, days);
        } catch (UnknownScheduleYearException e) {
            return null;
        }
    }

    /** The province's name for the titles the Hubei model prints (湖北省… → 甘肃省…, 四川省…). */
    static String province(String region) {
        return Divisions.provinceName(region).orElse("");
    }

    private static void put(Map<String, Object> m, String key, Object value) {
        if (value != null) {
            m.put(key, value);
        }
    }
}
