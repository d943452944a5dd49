package org.jingban.platform.service.items;

import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.Map;

import com.fasterxml.jackson.annotation.JsonAnyGetter;
import com.fasterxml.jackson.annotation.JsonInclude;
import org.jingban.platform.cases.Case;
import org.jingban.platform.cases.CaseStatus;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;

/**
 * The answer to an item's application: the case (办件) it became, and for an instant item (即办件) what it produced
 * (a unit, a person, a payment notice …) in {@code result}.
 *
 * @param currentStage the stage the case waits in (受理 for most; null once finished)
 * @param references   item-specific identifiers the applicant needs next (e.g. {@code transferId}), written as
 *                     top-level JSON properties
 */
public record Submitted(String caseId, String caseNumber, String itemCode, CaseStatus status, String statusLabel,
                        String currentStage, LocalDate dueDate, @JsonInclude(JsonInclude.Include.NON_NULL) Object result,
                        @JsonAnyGetter Map<String, Object> references) {

    public Submitted {
        references = references == null ? Map.of() : Map.copyOf(new LinkedHashMap<>(references));
    }

    public static Submitted of(Case c, Object result, Map<String, Object> references) {
        return new Submitted(c.getId(), c.getCaseNumber(), c.getItemCode(), c.getStatus(), c.getStatus().label(),
                c.getStatus().finished() ? null : c.currentStageName(), c.getDueDate(), result, references);
    }

    public static Submitted of(Case c, Object result) {
        return of(c, result, Map.of());
    }

    /** 201 when the item completed in the request (即时办结), 202 while the case waits for 受理 or its machine part. */
    public ResponseEntity<Submitted> response() {
        return ResponseEntity.status(status == CaseStatus.COMPLETED ? HttpStatus.CREATED : HttpStatus.ACCEPTED).body(this);
    }
}
