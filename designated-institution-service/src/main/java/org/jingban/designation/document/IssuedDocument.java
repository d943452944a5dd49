package org.jingban.designation.document;

import java.time.Instant;
import java.util.Map;

import org.jingban.platform.signing.ElectronicSeal;
import org.springframework.data.annotation.Id;
import org.springframework.data.mongodb.core.mapping.Document;

/**
 * A document as issued: its form (表19 … 表23, 医保协议), number, content (what is printed, as data) and the office's
 * seal over the content. Issued once — the first time it is asked for after the step that makes it — and then
 * returned unchanged ({@code issued_documents}, id = {@code <受理号或机构编码>:<form>}).
 */
@Document("issued_documents")
public record IssuedDocument(@Id String id, String form, String title, String number, String regionCode,
                             Map<String, Object> content, ElectronicSeal seal, Instant issuedAt) {
}
