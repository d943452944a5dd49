package org.jingban.platform.cases;

import java.time.LocalDate;

/** A pause of a clock while waiting for the applicant (补正); {@code until} is null while it lasts. */
public record PausePeriod(LocalDate from, LocalDate until) {
}
