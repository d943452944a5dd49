package org.jingban.notification.recipient;

import java.time.Instant;

import org.jingban.notification.channel.ChannelKind;
import org.springframework.data.annotation.Id;
import org.springframework.data.mongodb.core.mapping.Document;

/**
 * How a party (person, employer, institution; by its id: 证件号码, 统一社会信用代码, 机构编码) is reached and how it
 * prefers to be. The mobile comes from the party's own records — a person's 联系电话 from enrollment's person events
 * (参保登记, 参保信息变更登记, 电话号码新增和更改), a unit's contact phone from enrollment's unit events (单位参保登记,
 * 单位参保信息变更登记), an institution's 联系人手机号 from designated-institution's agreement events — and a changed one
 * is used from the next message on; the WeChat openid, the Alipay user id and the preferred channel (null: follow
 * the case's channel) are what the party adds through {@code PUT /me/contact}.
 *
 * @param mobileSource where the mobile came from: {@link #FROM_RECORDS}, {@link #FROM_UNIT_RECORDS},
 *                     {@link #FROM_AGREEMENT} (the records) or {@link #FROM_PARTY}
 * @param mobileAt     the time of the record event that set it (an older event never overwrites a newer one)
 */
@Document("recipient_contacts")
public record RecipientContact(@Id String partyId, String mobile, String wechatOpenId, String alipayUserId,
                               ChannelKind preferredChannel, Instant updatedAt, String mobileSource,
                               Instant mobileAt) {

    /** The mobile is the one of the person's records (参保登记 and its changes). */
    public static final String FROM_RECORDS = "参保登记";
    /** The unit's contact phone of 单位参保登记 (and 单位参保信息变更登记). */
    public static final String FROM_UNIT_RECORDS = "单位参保登记";
    /** The institution's 联系人手机号 of its 医保协议 (表14/表15, 定点医药机构信息变更). */
    public static final String FROM_AGREEMENT = "医保协议";
    /** Given by a unit or institution itself at {@code /me/contact} before its records gave a phone. */
    public static final String FROM_PARTY = "本人填写";

    /** Whether the mobile (or its absence: a fixed line) is the one of the party's records, not its own entry. */
    public boolean mobileFromRecords() {
        return mobileSource != null && !FROM_PARTY.equals(mobileSource);
    }

    public String addressFor(ChannelKind channel) {
        return switch (channel) {
            case SMS -> mobile;
            case WECHAT -> wechatOpenId;
            case ALIPAY -> alipayUserId;
            case INBOX -> partyId;
        };
    }

    public boolean reachableBy(ChannelKind channel) {
        String address = addressFor(channel);
        return address != null && !address.isBlank();
    }
}
