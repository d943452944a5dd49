package org.jingban.enrollment.shared;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.jingban.platform.cases.Case;
import org.jingban.platform.cases.CaseStatus;
import org.jingban.platform.cases.Reason;
import org.jingban.platform.cases.SubmitCase;
import org.jingban.platform.cases.application.CaseService;
import org.jingban.platform.messaging.EventJson;
import org.jingban.platform.web.problem.ProblemException;
import org.jingban.platform.web.problem.Violation;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Mono;

/**
 * Submits an item's application to the case kernel: failed automated checks become a stored 不予受理 case answered
 * with 422 listing every reason (with the case number); otherwise the case is returned (completed already for
 * 即办件, else waiting for 受理).
 */
@Component
public class ItemSubmissions {

    private final CaseService cases;

    public ItemSubmissions(CaseService cases) {
        this.cases = cases;
    }

    /** The answer to an item submission. {@code result} is what an instant item produced (a unit, a person …). */
    public record Submitted(String caseId, String caseNumber, String itemCode, String status, String statusLabel,
                            LocalDate dueDate, Object result) {

        public static Submitted of(Case c, Object result) {
            return new Submitted(c.getId(), c.getCaseNumber(), c.getItemCode(), c.getStatus().name(),
                    c.getStatus().label(), c.getDueDate(), result);
        }
    }

    /** The form of a case as the kernel stores it (a map with the form's JSON names). */
    @SuppressWarnings("unchecked")
    public static Map<String, Object> formMap(Object form) {
        Map<String, Object> map = new java.util.LinkedHashMap<>(EventJson.mapper().convertValue(form, Map.class));
        map.values().removeIf(java.util.Objects::isNull); // the kernel copies the form with Map.copyOf
        return map;
    }

    public static <T> T form(Case c, Class<T> type) {
        return EventJson.mapper().convertValue(c.getForm(), type);
    }

    public static List<Reason> reasons(List<Violation> failed) {
        return failed.stream().map(v -> Reason.of(v.code(), v.message())).toList();
    }

    public Mono<Case> submit(SubmitCase command, List<Violation> failedChecks) {
        return cases.submit(command.withFailedChecks(reasons(failedChecks))).flatMap(c -> {
            if (c.getStatus() != CaseStatus.REJECTED) {
                return Mono.just(c);
            }
            List<Violation> all = new ArrayList<>(failedChecks);
            for (Reason r : c.getReasons()) {
                if (all.stream().noneMatch(v -> v.code().equals(r.code()) && v.message().equals(r.message()))) {
                    all.add(new Violation("申请材料", r.code(), r.message()));
                }
            }
            return Mono.error(ProblemException.unprocessable("不予受理：共" + all.size() + "项不符合受理条件，请一次性补齐后重新申请", all)
                    .withProperty("caseId", c.getId()).withProperty("caseNumber", c.getCaseNumber()));
        });
    }
}
