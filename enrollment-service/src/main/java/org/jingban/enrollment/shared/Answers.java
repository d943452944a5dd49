package org.jingban.enrollment.shared;

import org.jingban.enrollment.shared.ItemSubmissions.Submitted;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;

/** HTTP answers shared by the item handlers. */
public final class Answers {

    private Answers() {
    }

    /** 201 when the item completed in the request (即时办结), 202 when the case waits for 受理. */
    public static ResponseEntity<Submitted> submitted(Submitted s) {
        return ResponseEntity.status("COMPLETED".equals(s.status()) ? HttpStatus.CREATED : HttpStatus.ACCEPTED).body(s);
    }
}
