package org.jingban.enrollment.employer;

import com.fasterxml.jackson.annotation.JsonProperty;
import org.jingban.platform.service.items.IdDocument;

/** 法定代表人（负责人）of a unit: 姓名, 证件类型及号码, 电话 (表1's composite field, 表4's three fields). */
public record LegalRepresentative(@JsonProperty("姓名") String name, @JsonProperty("证件类型及号码") IdDocument id,
                                  @JsonProperty("电话") String phone) {
}
