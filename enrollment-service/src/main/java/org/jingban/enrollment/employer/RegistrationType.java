package org.jingban.enrollment.employer;

import java.util.Arrays;
import java.util.Optional;
import java.util.stream.Collectors;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;

/** 登记类型 of 表1 (单位参保登记 622036001001); JSON, the stored case form and the unit events carry the label. */
public enum RegistrationType {
    /** 新参保登记 (also a cancelled unit registering again) */
    NEW("新参保登记"),
    /** 暂停登记 */
    SUSPEND("暂停登记"),
    /** 注销登记 */
    CANCEL("注销登记"),
    /** 拆分合并分立: the resulting unit, naming the former code */
    RESTRUCTURE("拆分合并分立");

    private final String label;

    RegistrationType(String label) {
        this.label = label;
    }

    @JsonValue
    public String label() {
        return label;
    }

    public static Optional<RegistrationType> find(String label) {
        return Arrays.stream(values()).filter(t -> t.label.equals(label)).findFirst();
    }

    @JsonCreator
    public static RegistrationType of(String label) {
        return find(label).orElseThrow(() -> new IllegalArgumentException("登记类型应为" + labels() + "之一"));
    }

    public static String labels() {
        return Arrays.stream(values()).map(RegistrationType::label).collect(Collectors.joining("、"));
    }
}
