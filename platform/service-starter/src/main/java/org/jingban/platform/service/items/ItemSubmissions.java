package org.jingban.platform.service.items;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

import org.jingban.platform.catalog.ItemDefinition;
import org.jingban.platform.cases.Case;
import org.jingban.platform.cases.CaseStatus;
import org.jingban.platform.cases.MaterialStatus;
import org.jingban.platform.cases.Materials;
import org.jingban.platform.cases.Reason;
import org.jingban.platform.cases.SubmitCase;
import org.jingban.platform.cases.application.CaseService;
import org.jingban.platform.messaging.EventJson;
import org.jingban.platform.web.problem.ProblemException;
import org.jingban.platform.web.problem.Violation;
import org.jingban.platform.web.problem.Violations;
import reactor.core.publisher.Mono;

/**
 * The item extension point's one submission path: form checks (400, every problem at once) → materials from the
 * catalog → the case kernel's submit → 201 (instant item done, with its result) / 202 (waiting for 受理) / 422
 * 不予受理 with every reason, the stored case named in the problem. See the package documentation.
 */
public class ItemSubmissions {

    /** The one 不予受理 text (一次性告知): how many reasons, and that all are listed. */
    public static final String NOT_ACCEPTED = "不予受理：共%d项不符合受理条件，请一次性补齐后重新申请";

    private final CaseService cases;
    private final CaseReactions reactions;

    public ItemSubmissions(CaseService cases) {
        this(cases, null);
    }

    /** With the service's reactions: an instant item's effect applied in the request is not applied again. */
    public ItemSubmissions(CaseService cases, CaseReactions reactions) {
        this.cases = cases;
        this.reactions = reactions;
    }

    /**
     * The form's own problems against the item (required fields, formats) and its 渠道, for the service to add the
     * problems only it can see (e.g. an unknown unit) before {@link Violations#throwIfAny()}.
     */
    public Violations check(ItemForm form, ItemDefinition item) {
        Violations v = problems(form, item);
        Channels.parse(form.channel(), v);
        return v;
    }

    /**
     * The form's own problems against the item and its {@link Delegate 被委托人}'s (姓名, 证件类型及号码, 联系电话), without
     * the 渠道: for a service that sets the channel itself (e.g. 联办).
     */
    public static Violations problems(ItemForm form, ItemDefinition item) {
        Violations v = form.validate(item);
        Delegate delegate = form.delegate();
        if (delegate != null) {
            delegate.validate(v, Delegate.FIELD);
        }
        return v;
    }

    /** {@link #check} and throw: 400 with every problem, nothing stored. */
    public void validate(ItemForm form, ItemDefinition item) {
        check(form, item).throwIfAny();
    }

    /** Submits the application and answers as the item's endpoint does (see {@link Submitted#response()}). */
    public Mono<Submitted> submit(ItemApplication application) {
        return submitCase(application).flatMap(c -> {
            if (c.getStatus() != CaseStatus.COMPLETED || application.whenCompleted == null) {
                return Mono.just(Submitted.of(c, null, application.references));
            }
            return application.whenCompleted.apply(c)
                    .map(result -> Submitted.of(c, result, application.references))
                    .defaultIfEmpty(Submitted.of(c, null, application.references))
                    .flatMap(done -> reactions == null ? Mono.just(done) : reactions.appliedInRequest(c).thenReturn(done));
        });
    }

    /**
     * Submits the application; the case as stored, or (as the Mono's error) the 422 problem when it was refused
     * acceptance — the case is stored then too, 不予受理 with every reason, for the applicant's record and the
     * "未完成" message.
     */
    public Mono<Case> submitCase(ItemApplication application) {
        return Mono.fromCallable(() -> command(application))
                .flatMap(cases::submit)
                .flatMap(c -> c.getStatus() == CaseStatus.REJECTED ? Mono.error(notAccepted(c)) : Mono.just(c));
    }

    /**
     * What submitting the application would be refused acceptance (不予受理) for, in the order the 422 lists them,
     * without storing anything: the failed checks, then the missing materials where they refuse (an instant item, or
     * {@link ItemApplication#missingMaterialsRefused()}). For a 预检, or a check before an irreversible step.
     */
    public static List<Reason> refusals(ItemApplication a) {
        List<Reason> refusals = new ArrayList<>(a.failedChecks);
        if (a.missingMaterialsRefused || Case.instantFor(a.item, a.applicantGroup)) {
            refusals.addAll(Materials.missing(materials(a)));
        }
        return List.copyOf(refusals);
    }

    /** The catalog's materials for this application: provided, promised, shared by data exchange or missing. */
    private static List<MaterialStatus> materials(ItemApplication a) {
        List<MaterialStatus> materials = Materials.statuses(a.item,
                m -> Delegate.isMaterial(m) ? a.form.byAgent() || a.form.materialApplies(m) : a.form.materialApplies(m),
                a.extraMaterials, a.form.materials(), a.form.promised());
        return a.materialsShared ? materials.stream().map(m -> MaterialStatus.shared(m.name())).toList() : materials;
    }

    static SubmitCase command(ItemApplication a) {
        Objects.requireNonNull(a.applicant, "applicant");
        checkDelegate(a);
        ItemDefinition item = a.item;
        String region = item.regionCode();
        List<MaterialStatus> materials = materials(a);
        List<Reason> failed = new ArrayList<>(a.failedChecks);
        if (a.missingMaterialsRefused) {
            failed.addAll(Materials.missing(materials));
        }
        Map<String, Object> form = formMap(a.form);
        if (a.form.delegate() != null) {
            // the 被委托人 under its one name in every case's form, whatever the form record calls it
            form.put(Delegate.FIELD, formMap(a.form.delegate()));
        }
        form.putAll(a.formExtras);
        return SubmitCase.builder(item.code(), region)
                .channel(a.channel != null ? a.channel : Channels.parse(a.form.channel(), new Violations()))
                .applicant(a.applicant)
                .subject(a.subject)
                .applicantGroup(a.applicantGroup)
                .form(form)
                .materials(materials)
                .extraStages(a.extraStages)
                .failedChecks(failed)
                .details(a.details)
                .submittedBy(a.submittedBy != null ? a.submittedBy
                        : Submitters.submitter(a.caller, a.actingFor != null ? a.actingFor : a.applicant, region))
                .build();
    }

    /**
     * A person cannot be their own 被委托人: a 被委托人 with the applicant's (or the subject's) 证件号码 is a form problem,
     * 400 before anything is stored. Only the service knows whom the application is for, so this is checked here.
     */
    private static void checkDelegate(ItemApplication a) {
        Delegate delegate = a.form.delegate();
        if (delegate != null && (delegate.is(a.applicant) || delegate.is(a.subject))) {
            throw ProblemException.validation(List.of(new Violation(Delegate.FIELD + ".证件类型及号码", "delegate-is-applicant",
                    "被委托人不能是申请人本人；本人办理的，无需填写被委托人")));
        }
    }

    /** 422 不予受理 listing every reason of the stored case; the problem names the case. */
    public static ProblemException notAccepted(Case c) {
        List<Violation> violations = c.getReasons().stream().map(ItemSubmissions::violation).toList();
        return ProblemException.unprocessable(NOT_ACCEPTED.formatted(violations.size()), violations)
                .withProperty("caseId", c.getId())
                .withProperty("caseNumber", c.getCaseNumber());
    }

    private static Violation violation(Reason r) {
        String field = r.field() != null ? r.field() : "material.missing".equals(r.code()) ? "申请材料" : "申请";
        return new Violation(field, r.code(), r.message());
    }

    /** The form as the kernel stores it: a map with the form's JSON names, without nulls. */
    @SuppressWarnings("unchecked")
    public static Map<String, Object> formMap(Object form) {
        Map<String, Object> map = new LinkedHashMap<>(EventJson.mapper().convertValue(form, Map.class));
        map.values().removeIf(Objects::isNull); // the kernel copies the form with Map.copyOf
        return map;
    }

    /** The typed form of a stored case. */
    public static <T> T form(Case c, Class<T> type) {
        return EventJson.mapper().convertValue(c.getForm(), type);
    }
}
