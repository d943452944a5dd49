package org.jingban.platform.security.audit;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.jingban.platform.security.Access;
import org.jingban.platform.security.Role;
import org.jingban.platform.web.problem.ProblemException;
import org.jingban.platform.web.problem.Violation;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import reactor.core.publisher.Mono;

/**
 * Ops' query of this service's audit trail, {@code GET /audit-trail}; through the gateway
 * {@code GET /api/v1/audit/<service>}. Party ids come back masked.
 */
@RestController
@Tag(name = "审计记录", description = "经办人员查阅个人/单位信息及办理决定的审计记录（仅运维）")
public class AuditTrailHandlers {

    public static final String PATH = "/audit-trail";
    private static final ZoneId CHINA = ZoneId.of("Asia/Shanghai");

    private final AuditTrail trail;

    public AuditTrailHandlers(AuditTrail trail) {
        this.trail = trail;
    }

    public record AuditPage(int page, int size, List<AuditEntry> entries) {
    }

    @Access(Role.OPS)
    @GetMapping(PATH)
    @Operation(summary = "查询审计记录（运维）",
            description = "按证件号码/统一社会信用代码（person）、经办人员（staff）和时间段（from 含、to 不含；日期或时间点）查询，最新的在前")
    public Mono<AuditPage> find(@RequestParam(required = false) String person,
                                @RequestParam(required = false) String staff,
                                @io.swagger.v3.oas.annotations.Parameter(description = "起始日期或时间点（含）", example = "2026-03-02")
                                @RequestParam(required = false) String from,
                                @RequestParam(required = false) String to,
                                @RequestParam(defaultValue = "0") int page,
                                @RequestParam(defaultValue = "50") int size) {
        List<Violation> violations = new ArrayList<>();
        Instant start = instant("from", from, false, violations);
        Instant end = instant("to", to, true, violations);
        if (page < 0) {
            violations.add(new Violation("page", "min", "不能小于0"));
        }
        if (size < 1 || size > 200) {
            violations.add(new Violation("size", "range", "须在1至200之间"));
        }
        if (person == null && staff == null && start == null) {
            violations.add(new Violation("person", "required", "请至少给出证件号码、经办人员或起始时间之一"));
        }
        if (!violations.isEmpty()) {
            return Mono.error(ProblemException.validation(violations));
        }
        return trail.find(new AuditTrail.AuditQuery(blankToNull(person), blankToNull(staff), start, end, page, size))
                .map(AuditEntry::masked)
                .collectList()
                .map(entries -> new AuditPage(page, size, entries));
    }

    /** {@code 2026-11-23} (a day in China: from its start, or up to its end) or an ISO instant. */
    private static Instant instant(String field, String value, boolean endOfDay, List<Violation> violations) {
        if (value == null || value.isBlank()) {
            return null;
        }
        try {
            if (value.length() == 10) {
                LocalDate day = LocalDate.parse(value);
                return (endOfDay ? day.plusDays(1) : day).atStartOfDay(CHINA).toInstant();
            }
            return Instant.parse(value);
        } catch (DateTimeParseException e) {
            violations.add(new Violation(field, "invalid", "应为日期（如2026-11-23）或时间点（如2026-11-23T08:00:00Z）"));
            return null;
        }
    }

    private static String blankToNull(String value) {
        return value == null || value.isBlank() ? null : value.trim();
    }
}
