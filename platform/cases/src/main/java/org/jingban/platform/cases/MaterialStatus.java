package org.jingban.platform.cases;

import java.util.Objects;

/** One material of the item (申请材料) and how the case has it. */
public record MaterialStatus(String name, State state) {

    public enum State {
        /** 已提供 */
        PROVIDED("已提供"),
        /** 数据共享获得: fetched from another department, the applicant brings nothing */
        SHARED("数据共享获得"),
        /** 个人承诺书替代 */
        PROMISED("个人承诺书替代"),
        /** 缺少 */
        MISSING("缺少");

        private final String label;

        State(String label) {
            this.label = label;
        }

        public String label() {
            return label;
        }
    }

    public MaterialStatus {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(state, "state");
    }

    public static MaterialStatus provided(String name) {
        return new MaterialStatus(name, State.PROVIDED);
    }

    public static MaterialStatus shared(String name) {
        return new MaterialStatus(name, State.SHARED);
    }

    public static MaterialStatus promised(String name) {
        return new MaterialStatus(name, State.PROMISED);
    }

    public static MaterialStatus missing(String name) {
        return new MaterialStatus(name, State.MISSING);
    }
}
