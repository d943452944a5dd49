package org.jingban.notification.channel.live;

import java.time.Duration;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.Map;

import org.jingban.notification.NotificationProperties;
import org.jingban.notification.channel.OutgoingMessage;
import org.jingban.platform.cases.Party;

/** A refused 职工参保信息变更登记 in 武威 as the channels send it, and a clock the tests move. */
final class Messages {

    static final String TEXT = "【武威市医疗保障局（市医保局窗口）】尊敬的张三,您于2026年11月03日办理的职工参保信息变更登记未完成。"
            + "原因为：未提供变更姓名、性别、身份证号、出生日期等关键信息的必要的对应辅助材料。如有疑问，请咨询0935-2116032。";

    private Messages() {
    }

    static OutgoingMessage message(String deliveryKey, String address) {
        Map<String, String> values = new LinkedHashMap<>();
        values.put("称呼", "张三");
        values.put("日期", "2026年11月03日");
        // spaces, '*' and '~' exercise the places where form encoding and Aliyun's percent-encoding differ
        values.put("原因", "未提供 变更*姓名~等关键信息的必要的对应辅助材料");
        values.put("咨询电话", "0935-2116032");
        return new OutgoingMessage(deliveryKey, "case-1:failed", "case-1", "620600-20261103-000001", "622036001005",
                "职工参保信息变更登记", "620600", "622036001005:failed", "failed", "620602198001010011", Party.Kind.PERSON,
                "张三", "武威市医疗保障局（市医保局窗口）", address, TEXT, values, LocalDate.of(2026, 11, 3));
    }

    static ProviderHttp http(Duration requestTimeout) {
        NotificationProperties.Http settings = new NotificationProperties.Http();
        settings.setConnectTimeout(Duration.ofSeconds(2));
        settings.setRequestTimeout(requestTimeout);
        return new ProviderHttp(settings);
    }
}
