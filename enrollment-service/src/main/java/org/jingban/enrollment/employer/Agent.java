package org.jingban.enrollment.employer;

import com.fasterxml.jackson.annotation.JsonProperty;

/** 单位经办人员 (the unit's agent for insurance matters): 姓名, 手机号. */
public record Agent(@JsonProperty("姓名") String name, @JsonProperty("手机号") String mobile) {
}
