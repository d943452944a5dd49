package org.jingban.platform.benefits;

import java.math.BigDecimal;

import org.jingban.platform.money.Money;

/** The checks a policy's values pass when constructed (bound from configuration), so a wrong value stops start-up. */
final class PolicyChecks {

    private PolicyChecks() {
    }

    static <T> T required(String name, T value) {
        if (value == null) {
            throw new IllegalArgumentException("待遇政策参数" + name + "未配置");
        }
        return value;
    }

    static Money amount(String name, Money value) {
        if (required(name, value).isNegative()) {
            throw new IllegalArgumentException("待遇政策参数" + name + "不能为负数：" + value);
        }
        return value;
    }

    /** A ratio between 0 and 1 (0.80 for 80%). */
    static BigDecimal ratio(String name, BigDecimal value) {
        if (required(name, value).signum() < 0 || value.compareTo(BigDecimal.ONE) > 0) {
            throw new IllegalArgumentException("待遇政策参数" + name + "应为0到1之间的比例（如0.80表示80%）：" + value);
        }
        return value;
    }
}
