package org.jingban.enrollment.shared;

import com.fasterxml.jackson.annotation.JsonProperty;

/** 银行账户信息 as the forms ask for it (表1, 表4, 表7, 缴费): 账号, 开户行, 户名. */
public record BankAccount(@JsonProperty("账号") String number, @JsonProperty("开户行") String bank,
                          @JsonProperty("户名") String holder) {
}
