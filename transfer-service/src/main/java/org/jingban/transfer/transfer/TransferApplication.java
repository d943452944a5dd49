package org.jingban.transfer.transfer;

import java.util.Map;

import org.jingban.transfer.Applications;

/**
 * 表9 《基本医疗保险关系转移接续申请表》 as stored in the case's form (catalog field names), plus the transfer id this
 * service gave the application.
 */
public record TransferApplication(String transferId, String name, String idNumber, String phone, String insuranceType,
                                  String fromRegionCode, String fromAddress, String fromPostalCode, String toRegionCode,
                                  String toAddress, String toPostalCode) {

    public static final String TRANSFER_ID = "转移编号";

    public static TransferApplication of(Map<String, Object> form) {
        return new TransferApplication(Applications.text(form, TRANSFER_ID), Applications.text(form, "姓名"),
                Applications.idNumber(form), Applications.text(form, "联系电话"),
                insuranceType(Applications.text(form, "基本医疗保险类型")),
                Applications.text(form, "转出地医保(行政)区划代码"), Applications.text(form, "转出地机构地址"),
                Applications.text(form, "转出地机构邮编"), Applications.text(form, "转入地医保(行政)区划代码"),
                Applications.text(form, "转入地机构地址"), Applications.text(form, "转入地机构邮编"));
    }

    /** 表9 offers 职工医保 / 城乡居民医保; enrollment-service names the insurances in full. */
    public static String insuranceType(String value) {
        if (value == null) {
            return null;
        }
        return switch (value) {
            case "职工医保", "职工基本医疗保险" -> "职工基本医疗保险";
            case "城乡居民医保", "城乡居民基本医疗保险" -> "城乡居民基本医疗保险";
            default -> value;
        };
    }
}
