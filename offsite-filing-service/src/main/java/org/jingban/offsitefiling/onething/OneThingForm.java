package org.jingban.offsitefiling.onething;

import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import com.fasterxml.jackson.annotation.JsonProperty;
import org.jingban.enrollment.api.InsuranceTypes;
import org.jingban.offsitefiling.api.OneThingEvents;
import org.jingban.offsitefiling.filing.FilingForm;
import org.jingban.offsitefiling.filing.FilingKind;
import org.jingban.platform.catalog.ItemDefinition;
import org.jingban.platform.messaging.EventJson;
import org.jingban.platform.service.items.IdDocument;
import org.jingban.platform.service.items.ItemForm;
import org.jingban.platform.service.openapi.OneOf;
import org.jingban.platform.web.problem.Violations;
import org.jingban.enrollment.api.FamilySharingEvents;

/**
 * The one form of 就医费用报销“一件事” (seed 004 减材料: 多表合一，一表申报 — what one part needs is not asked again): the
 * person once (姓名, 证件类型及号码, 参保险种, 联系电话, 渠道), 表11's fields of the 备案 (备案类别 picks the item), the
 * relatives of 家庭共济, and one set of materials.
 */
public record OneThingForm(
        @JsonProperty("姓名") String name,
        @JsonProperty("证件类型及号码") IdDocument id,
        @OneOf(of = InsuranceTypes.class, field = "FORM_OPTIONS") @JsonProperty("参保险种") String insuranceType,
        @JsonProperty("联系电话") String phone,
        @OneOf(of = OneThingForm.class, field = "FILING_KINDS") @JsonProperty("备案类别") String filingKind,
        @OneOf(of = FilingForm.class, field = "REGISTRATIONS") @JsonProperty("登记类别") String registration,
        @JsonProperty("申请备案开始日期") String startDate,
        @JsonProperty("就医地") String destination,
        @JsonProperty("参保地联系地址") String insuredAddress,
        @JsonProperty("异地联系地址") String offsiteAddress,
        @JsonProperty("转往地址") String referralAddress,
        @JsonProperty("转诊医疗机构") String referringInstitution,
        @JsonProperty("共济亲属") List<Relative> relatives,
        @JsonProperty("申请材料") List<String> materials,
        @JsonProperty("承诺替代材料") List<String> promised,
        @JsonProperty("渠道") String channel) implements ItemForm {

    /** 备案类别: 人员类别 of 表11 for the 备案 items of 主项四 (622036004001–004). */
    public static final List<String> FILING_KINDS = Arrays.stream(FilingKind.values())
            .filter(k -> k.itemCode().startsWith("622036004")).map(FilingKind::label).toList();

    /** A relative to bind to the account (职工医保个人账户家庭共济办理). */
    public record Relative(@JsonProperty("亲属姓名") String name, @JsonProperty("亲属证件类型及号码") IdDocument id,
                           @OneOf(of = FamilySharingEvents.class, field = "RELATIONS") @JsonProperty("与本人关系") String relation) {
    }

    /** The bundle's own fields: the person, 备案类别 and each relative (表11's fields are checked as the 备案 item's). */
    @Override
    public Violations validate(ItemDefinition item) {
        Violations v = new Violations().require("姓名", name)
                .require("证件类型及号码", id == null ? null : id.present()).require("参保险种", insuranceType)
                .require("备案类别", filingKind);
        if (id != null && id.present() != null) {
            id.validate(v, "证件类型及号码");
        }
        if (filingKind != null && !filingKind.isBlank()) {
            v.check(FILING_KINDS.contains(filingKind), "备案类别", "unknown-option",
                    "备案类别应为" + String.join("、", FILING_KINDS) + "之一");
        }
        List<Relative> all = relatives();
        for (int i = 0; i < all.size(); i++) {
            Relative r = all.get(i);
            String at = "共济亲属[" + i + "].";
            if (r == null) {
                v.add("共济亲属[" + i + "]", "required", "请填写共济亲属");
                continue;
            }
            v.require(at + "亲属姓名", r.name()).require(at + "亲属证件类型及号码", r.id() == null ? null : r.id().present())
                    .require(at + "与本人关系", r.relation());
            if (r.id() != null && r.id().present() != null) {
                r.id().validate(v, at + "亲属证件类型及号码");
                v.check(id == null || id.number() == null || !id.number().equals(r.id().number()),
                        at + "亲属证件类型及号码", "self", "不能绑定本人");
            }
            if (r.relation() != null && !r.relation().isBlank()) {
                v.check(FamilySharingEvents.RELATIONS.contains(r.relation()), at + "与本人关系", "unknown-option",
                        "与本人关系应为" + String.join("、", FamilySharingEvents.RELATIONS) + "之一");
            }
        }
        return v;
    }

    /** The 备案's kind, when 备案类别 names one. */
    public Optional<FilingKind> kind() {
        return Arrays.stream(FilingKind.values()).filter(k -> k.label().equals(filingKind)).findFirst();
    }

    public List<Relative> relatives() {
        return relatives == null ? List.of() : relatives;
    }

    /** The relatives as the 家庭共济 request carries them. */
    List<OneThingEvents.Relative> requested() {
        return relatives().stream().map(r -> new OneThingEvents.Relative(r.name(), r.id().type(), r.id().number(),
                r.relation())).toList();
    }

    /**
     * 表11 of the 备案 part, filled from this form (a 新增 unless 登记类别 says 变更), read as the 备案's own form so that
     * the 备案 item checks it as it checks any 表11.
     */
    public FilingForm filingForm() {
        Map<String, Object> form = new LinkedHashMap<>();
        form.put("姓名", name);
        form.put("参保险种", insuranceType);
        form.put("登记类别", registration == null || registration.isBlank() ? FilingForm.NEW : registration);
        form.put("证件类型及号码", id);
        form.put("申请备案开始日期", startDate);
        form.put("就医地", destination);
        form.put("联系电话", phone);
        form.put("参保地联系地址", insuredAddress);
        form.put("异地联系地址", offsiteAddress);
        form.put("转往地址", referralAddress);
        form.put("转诊医疗机构", referringInstitution);
        form.put("申请材料", materials);
        form.put("承诺替代材料", promised);
        form.put("渠道", channel);
        form.values().removeIf(java.util.Objects::isNull);
        return EventJson.mapper().convertValue(form, FilingForm.class);
    }

    /** The 证件号码 as a 居民身份证 would carry it, else as given. */
    public String idNumber() {
        return id == null ? null : id.number();
    }

    @Override
    public List<String> materials() {
        return materials == null ? List.of() : materials;
    }

    @Override
    public List<String> promised() {
        return promised == null ? List.of() : promised;
    }
}
