package org.jingban.platform.service.items;

import com.fasterxml.jackson.annotation.JsonProperty;
import io.swagger.v3.oas.annotations.media.Schema;
import org.jingban.platform.catalog.Material;
import org.jingban.platform.cases.Party;
import org.jingban.platform.identifiers.Masking;
import org.jingban.platform.identifiers.PhoneNumber;
import org.jingban.platform.web.problem.Violations;

/**
 * 被委托人 (委托办理), with 表7's field names ("被委托人基本情况(如无被委托人，无需填写)": 姓名, 证件类型及号码, 联系电话): the
 * person who applies for the one the application is about. Every item form carries it the same way, as the component
 * {@code @JsonProperty(Delegate.FIELD) Delegate delegate} (which implements {@link ItemForm#delegate()}); the kernel
 * validates it ({@link ItemSubmissions#problems}), stores it with the form (the case view shows it to staff) and, when
 * it is there, asks for the catalog's 委托办理 material — seed 001 (甘肃省清单) row 2: "委托办理的，应提供委托人及代理人
 * 身份证件原件及委托人授权委托书（下同）". Its {@link #toString()} is masked: forms reach log lines.
 */
@Schema(description = "被委托人（委托办理时填写；如无被委托人，无需填写）。填写后须提供委托人及代理人身份证件原件及委托人授权委托书")
public record Delegate(@JsonProperty("姓名") String name, @JsonProperty("证件类型及号码") IdDocument id,
                       @JsonProperty("联系电话") String phone) {

    /** The block's name in every form (and in the case's stored form). */
    public static final String FIELD = "被委托人";

    /**
     * Whether a catalog material is the one 委托办理 needs: its condition names 委托办理 (Gansu's "委托办理的" from
     * 622036001002 on, and Songpan's own "委托办理的" where its guide states it).
     */
    public static boolean isMaterial(Material m) {
        return m.condition() != null && m.condition().startsWith("委托办理");
    }

    /**
     * 姓名, 证件类型及号码 (an {@link IdDocument} of the 有效身份证件, its number checked as the type given) and 联系电话
     * (a mobile or fixed line): every problem named under {@code field} (e.g. {@code 被委托人.证件类型及号码.证件号码}).
     * The text policy (a person's name) is the request decoder's, by the field name 姓名.
     */
    public void validate(Violations v, String field) {
        v.require(field + ".姓名", blank(name) ? null : name)
                .require(field + ".证件类型及号码", id == null ? null : id.present())
                .require(field + ".联系电话", blank(phone) ? null : phone);
        if (id != null && id.present() != null) {
            id.validate(v, field + ".证件类型及号码");
        }
        if (!blank(phone)) {
            PhoneNumber.check(phone).ifPresent(p -> v.add(field + ".联系电话", p.code(), p.message()));
        }
    }

    /** 证件号码 as stored for comparison (trimmed, check letter upper case); null when none was given. */
    public String idNumber() {
        return id == null || blank(id.number()) ? null : id.number().strip().toUpperCase();
    }

    /** Whether the delegate is the given party (a person cannot be their own 被委托人). */
    public boolean is(Party party) {
        return party != null && party.kind() == Party.Kind.PERSON && idNumber() != null
                && idNumber().equalsIgnoreCase(party.id().strip());
    }

    /** As lists show it: 姓名, 证件号码 and 联系电话 masked. */
    public Delegate masked() {
        return new Delegate(Masking.name(name), id == null ? null : new IdDocument(id.type(), Masking.idNumber(id.number())),
                Masking.mobile(phone));
    }

    @Override
    public String toString() {
        return "Delegate[" + Masking.name(name) + ", " + id + ", " + Masking.mobile(phone) + "]";
    }

    private static boolean blank(String s) {
        return s == null || s.isBlank();
    }
}
