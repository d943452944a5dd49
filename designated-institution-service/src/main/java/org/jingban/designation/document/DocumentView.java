package org.jingban.designation.document;

import java.time.Instant;
import java.util.Map;

import com.fasterxml.jackson.annotation.JsonInclude;
import org.jingban.platform.signing.ElectronicSeal;

/**
 * A document as served: the issued document (its content sealed by the office, unchanged since issued) and, for 表23,
 * the 签收 block its 送达 filled ({@code receipt}: 送达状态, 送达方式, 签收人, 签收人联系电话 masked, 签收日期, 可再次申请日期).
 * The receipt is not under the seal: the office seals what it issues; 签收 is the recipient's, recorded afterwards.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record DocumentView(String id, String form, String title, String number, String regionCode,
                           Map<String, Object> content, ElectronicSeal seal, Instant issuedAt,
                           Map<String, Object> receipt) {

    static DocumentView of(IssuedDocument d, Map<String, Object> receipt) {
        return new DocumentView(d.id(), d.form(), d.title(), d.number(), d.regionCode(), d.content(), d.seal(),
                d.issuedAt(), receipt);
    }
}
