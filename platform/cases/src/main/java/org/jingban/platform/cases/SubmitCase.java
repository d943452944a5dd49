package org.jingban.platform.cases;

import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * An application for an item (申请).
 *
 * @param applicantGroup the group whose limit applies when the item's limit differs by group
 *                       (e.g. 在职职工 5 个工作日, 灵活就业人员 即时办结); null when it does not
 * @param form           the service's typed form as a map (the service keeps its own record type)
 * @param extraStages    item-specific stages the service adds to the catalog's chain
 * @param failedChecks   what the service's automated checks found wrong; non-empty means the
 *                       case is stored and refused acceptance (不予受理) at once with all of them
 * @param details        for an instant item (即办件): the result details of its completion
 * @param submittedBy    the applicant themself, a clerk at a window, or a system client
 */
public record SubmitCase(String itemCode, String regionCode, Channel channel, Party applicant, Party subject,
                         String applicantGroup, Map<String, Object> form, List<MaterialStatus> materials,
                         List<StageInsertion> extraStages, List<Reason> failedChecks, Map<String, Object> details,
                         CaseActor submittedBy) {

    public SubmitCase {
        Objects.requireNonNull(itemCode, "itemCode");
        Objects.requireNonNull(regionCode, "regionCode");
        Objects.requireNonNull(channel, "channel");
        Objects.requireNonNull(applicant, "applicant");
        Objects.requireNonNull(submittedBy, "submittedBy");
        subject = subject == null ? applicant : subject;
        form = form == null ? Map.of() : Map.copyOf(form);
        materials = materials == null ? List.of() : List.copyOf(materials);
        extraStages = extraStages == null ? List.of() : List.copyOf(extraStages);
        failedChecks = failedChecks == null ? List.of() : List.copyOf(failedChecks);
        details = details == null ? Map.of() : Map.copyOf(details);
    }

    /** The common case: the applicant applies for themself, the kernel's catalog chain, no extras. */
    public static SubmitCase of(String itemCode, String regionCode, Channel channel, Party applicant,
                                Map<String, Object> form, List<MaterialStatus> materials) {
        return new SubmitCase(itemCode, regionCode, channel, applicant, applicant, null, form, materials, List.of(),
                List.of(), Map.of(), CaseActor.applicant(applicant));
    }

    public SubmitCase withGroup(String group) {
        return new SubmitCase(itemCode, regionCode, channel, applicant, subject, group, form, materials, extraStages,
                failedChecks, details, submittedBy);
    }

    public SubmitCase withExtraStages(StageInsertion... insertions) {
        return new SubmitCase(itemCode, regionCode, channel, applicant, subject, applicantGroup, form, materials,
                List.of(insertions), failedChecks, details, submittedBy);
    }

    public SubmitCase withFailedChecks(List<Reason> failed) {
        return new SubmitCase(itemCode, regionCode, channel, applicant, subject, applicantGroup, form, materials,
                extraStages, failed, details, submittedBy);
    }

    public SubmitCase withDetails(Map<String, Object> completionDetails) {
        return new SubmitCase(itemCode, regionCode, channel, applicant, subject, applicantGroup, form, materials,
                extraStages, failedChecks, completionDetails, submittedBy);
    }

    public SubmitCase submittedBy(CaseActor actor) {
        return new SubmitCase(itemCode, regionCode, channel, applicant, subject, applicantGroup, form, materials,
                extraStages, failedChecks, details, actor);
    }
}
