package org.jingban.platform.calendar;

import java.util.List;

/** A 节假日安排 that cannot be used; the message names every problem found, not just the first. */
public class InvalidScheduleException extends RuntimeException {

    private final transient List<String> problems;

    public InvalidScheduleException(String subject, List<String> problems) {
        super(subject + "有误：" + String.join("；", problems));
        this.problems = List.copyOf(problems);
    }

    /** Each problem as a Chinese sentence. */
    public List<String> problems() {
        return problems;
    }
}
