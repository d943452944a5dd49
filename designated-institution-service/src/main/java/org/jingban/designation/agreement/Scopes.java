package org.jingban.designation.agreement;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.jingban.designation.api.AgreementEvents;

/** 协议范围 as people write it (门诊, 住院 …) and as the events carry it ({@link AgreementEvents} scope values). */
public final class Scopes {

    /** Label → value, in the order the agreement prints them. */
    public static final Map<String, String> BY_LABEL;

    static {
        Map<String, String> m = new LinkedHashMap<>();
        m.put("门诊", AgreementEvents.OUTPATIENT);
        m.put("住院", AgreementEvents.INPATIENT);
        m.put("门诊慢特病", AgreementEvents.CHRONIC_DISEASE);
        m.put("生育", AgreementEvents.MATERNITY);
        m.put("异地就医直接结算", AgreementEvents.OFFSITE_SETTLEMENT);
        m.put("药品零售", AgreementEvents.RETAIL_DRUGS);
        BY_LABEL = Map.copyOf(m);
        ORDER = List.copyOf(m.keySet());
    }

    static final List<String> ORDER;

    /** 省内异地, 跨省异地: what 开通异地就医直接结算业务 opens ("包括省内异地就医和跨省异地就医", Songpan's remark). */
    public static final List<String> OFFSITE_KINDS = List.of("省内异地", "跨省异地");

    private Scopes() {
    }

    public static Optional<String> value(String label) {
        return Optional.ofNullable(label == null ? null : BY_LABEL.get(label.trim()));
    }

    public static String label(String value) {
        return BY_LABEL.entrySet().stream().filter(e -> e.getValue().equals(value)).map(Map.Entry::getKey).findFirst()
                .orElse(value);
    }

    /** Values sorted in the printed order. */
    public static List<String> sorted(java.util.Collection<String> values) {
        return ORDER.stream().map(BY_LABEL::get).filter(values::contains).toList();
    }

    /** Every label that is not a scope {@code kind} may agree, as one violation of {@code field} named {@code label}. */
    public static void check(org.jingban.platform.web.problem.Violations v, String field, String label, InstitutionKind kind,
                             java.util.Collection<String> labels) {
        List<String> unknown = labels.stream().filter(l -> value(l).filter(s -> allowedFor(kind, s)).isEmpty()).toList();
        v.check(unknown.isEmpty(), field, "unknown-scope", label + "「" + String.join("、", unknown) + "」不适用于"
                + kind.label() + "：" + (kind == InstitutionKind.RETAIL_PHARMACY ? "可为药品零售、异地就医直接结算"
                : "可为门诊、住院、门诊慢特病、生育、异地就医直接结算"));
    }

    /** The scopes a kind may agree: a pharmacy sells drugs (and may settle off-site); a hospital the rest. */
    public static boolean allowedFor(InstitutionKind kind, String value) {
        return kind == InstitutionKind.RETAIL_PHARMACY
                ? value.equals(AgreementEvents.RETAIL_DRUGS) || value.equals(AgreementEvents.OFFSITE_SETTLEMENT)
                : !value.equals(AgreementEvents.RETAIL_DRUGS);
    }
}
