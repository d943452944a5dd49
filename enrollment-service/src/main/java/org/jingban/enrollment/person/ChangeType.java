package org.jingban.enrollment.person;

import java.util.Arrays;
import java.util.Optional;
import java.util.stream.Collectors;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;

/**
 * 变更类别 of 表2 (职工参保登记 622036001002): what happens to an employee's insurance in the pool. JSON and the
 * stored case form carry the Chinese label; {@link InsuredPerson#checkEmployeeChange} holds the rule of each.
 */
public enum ChangeType {
    /** 增加: 参保 (a first insurance in the pool and type) */
    ADD("增加"),
    /** 中断: 暂停缴费 (the unit stops paying; the record stays) */
    INTERRUPT("中断"),
    /** 终止: 终止参保 */
    TERMINATE("终止"),
    /** 恢复: 中断 ends, contributions resume */
    RESUME("恢复"),
    /** 在职转退休: contributions stop, the insurance goes on as 退休人员 */
    RETIRE("在职转退休"),
    /** 统筹地区内转移: to another unit of the same pool */
    MOVE_WITHIN_POOL("统筹地区内转移");

    private final String label;

    ChangeType(String label) {
        this.label = label;
    }

    @JsonValue
    public String label() {
        return label;
    }

    /** The type with this label, if 表2 has it. */
    public static Optional<ChangeType> find(String label) {
        return Arrays.stream(values()).filter(t -> t.label.equals(label)).findFirst();
    }

    @JsonCreator
    public static ChangeType of(String label) {
        return find(label).orElseThrow(() -> new IllegalArgumentException("变更类别应为" + labels() + "之一"));
    }

    /** 增加、中断、终止、恢复、在职转退休、统筹地区内转移 (the options as a message lists them). */
    public static String labels() {
        return Arrays.stream(values()).map(ChangeType::label).collect(Collectors.joining("、"));
    }
}
