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

    /** A command for the item in the region, built field by field: {@code SubmitCase.builder(code, region).applicant(p)…build()}. */
    public static Builder builder(String itemCode, String regionCode) {
        return new Builder(itemCode, regionCode);
    }

    /**
     * Builds a {@link SubmitCase}; channel defaults to {@link Channel#PORTAL}, subject to the applicant, the
     * submitter to the applicant acting for themself.
     */
    public static final class Builder {
        private final String itemCode;
        private final String regionCode;
        private Channel channel = Channel.PORTAL;
        private Party applicant;
        private Party subject;
        private String applicantGroup;
        private Map<String, Object> form = Map.of();
        private List<MaterialStatus> materials = List.of();
        private List<StageInsertion> extraStages = List.of();
        private List<Reason> failedChecks = List.of();
        private Map<String, Object> details = Map.of();
        private CaseActor submittedBy;

        private Builder(String itemCode, String regionCode) {
            this.itemCode = itemCode;
            this.regionCode = regionCode;
        }

        public Builder channel(Channel channel) {
            this.channel = channel;
            return this;
        }

        public Builder applicant(Party applicant) {
            this.applicant = applicant;
            return this;
        }

        /** Whom the case is about, when not the applicant (e.g. the deceased insured person of a claim by heirs). */
        public Builder subject(Party subject) {
            this.subject = subject;
            return this;
        }

        /** The group whose time limit applies (e.g. 灵活就业人员). */
        public Builder applicantGroup(String group) {
            this.applicantGroup = group;
            return this;
        }

        public Builder form(Map<String, Object> form) {
            this.form = form;
            return this;
        }

        public Builder materials(List<MaterialStatus> materials) {
            this.materials = materials;
            return this;
        }

        public Builder extraStages(List<StageInsertion> insertions) {
            this.extraStages = insertions;
            return this;
        }

        public Builder failedChecks(List<Reason> failed) {
            this.failedChecks = failed;
            return this;
        }

        /** For an instant item: the details its completion reports (amount, validity …). */
        public Builder details(Map<String, Object> details) {
            this.details = details;
            return this;
        }

        public Builder submittedBy(CaseActor actor) {
            this.submittedBy = actor;
            return this;
        }

        public SubmitCase build() {
            Objects.requireNonNull(applicant, "applicant");
            return new SubmitCase(itemCode, regionCode, channel, applicant, subject, applicantGroup, form, materials,
                    extraStages, failedChecks, details, submittedBy == null ? CaseActor.applicant(applicant) : submittedBy);
        }
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
