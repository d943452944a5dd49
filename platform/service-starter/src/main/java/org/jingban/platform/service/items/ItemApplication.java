package org.jingban.platform.service.items;

import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.function.Function;

import org.jingban.platform.catalog.ItemDefinition;
import org.jingban.platform.cases.Case;
import org.jingban.platform.cases.CaseActor;
import org.jingban.platform.cases.Channel;
import org.jingban.platform.cases.Party;
import org.jingban.platform.cases.Reason;
import org.jingban.platform.cases.StageInsertion;
import org.jingban.platform.security.Caller;
import reactor.core.publisher.Mono;

/**
 * One application for an item, as a service has checked it: the item as defined in the handling region, the typed
 * form, who applies for whom, and what the service's automated checks found. {@link ItemSubmissions#submit} turns
 * it into a case and an answer.
 */
public final class ItemApplication {

    final ItemDefinition item;
    final ItemForm form;
    final Caller caller;
    Party applicant;
    Party subject;
    Party actingFor;
    CaseActor submittedBy;
    Channel channel;
    String applicantGroup;
    final List<StageInsertion> extraStages = new ArrayList<>();
    final List<String> extraMaterials = new ArrayList<>();
    final List<Reason> failedChecks = new ArrayList<>();
    final Map<String, Object> formExtras = new LinkedHashMap<>();
    final Map<String, Object> references = new LinkedHashMap<>();
    Map<String, Object> details = Map.of();
    boolean missingMaterialsRefused;
    boolean materialsShared;
    Function<Case, Mono<?>> whenCompleted;

    private ItemApplication(ItemDefinition item, ItemForm form, Caller caller) {
        this.item = Objects.requireNonNull(item, "item");
        this.form = Objects.requireNonNull(form, "form");
        this.caller = Objects.requireNonNull(caller, "caller");
    }

    /** An application for {@code item} (as defined in the handling region) with {@code form}, sent by {@code caller}. */
    public static ItemApplication of(ItemDefinition item, ItemForm form, Caller caller) {
        return new ItemApplication(item, form, caller);
    }

    public ItemApplication applicant(Party applicant) {
        this.applicant = applicant;
        return this;
    }

    /** Whom the case is about when not the applicant (e.g. the insured person, when a relative applies). */
    public ItemApplication subject(Party subject) {
        this.subject = subject;
        return this;
    }

    /**
     * The party a non-staff caller must be, when not the applicant: e.g. an employer's agent submitting for a unit
     * whose case names a person. Default: the applicant.
     */
    public ItemApplication actingFor(Party party) {
        this.actingFor = party;
        return this;
    }

    /** A submitter other than the one the token implies (e.g. the system for 联办). */
    public ItemApplication submittedBy(CaseActor actor) {
        this.submittedBy = actor;
        return this;
    }

    /** The channel, when the service decides it (default: the form's 渠道, 政务服务网 when blank). */
    public ItemApplication channel(Channel channel) {
        this.channel = channel;
        return this;
    }

    /** The group whose time limit applies when the item's limit differs by group (e.g. 灵活就业人员 即时办结). */
    public ItemApplication applicantGroup(String group) {
        this.applicantGroup = group;
        return this;
    }

    /** Item-specific stages added to the catalog's chain (e.g. 转移接续's 联系函 / 信息表). */
    public ItemApplication extraStages(StageInsertion... insertions) {
        this.extraStages.addAll(List.of(insertions));
        return this;
    }

    /** Materials this application needs beyond the catalog's (e.g. a key change's supporting document). */
    public ItemApplication extraMaterials(Collection<String> names) {
        this.extraMaterials.addAll(names);
        return this;
    }

    /** What the service's automated checks found wrong (办理条件): the case is stored 不予受理 with all of them. */
    public ItemApplication failedChecks(Collection<Reason> reasons) {
        this.failedChecks.addAll(reasons);
        return this;
    }

    /**
     * Refuse acceptance when a required material is missing, for an item whose materials the service cannot ask
     * for later (e.g. one handled by machines after submission). Instant items always refuse; others by default
     * keep the material MISSING for the clerk's 一次性告知补正.
     */
    public ItemApplication missingMaterialsRefused() {
        this.missingMaterialsRefused = true;
        return this;
    }

    /**
     * Every material needed is obtained by data sharing (数据共享), not from the applicant: e.g. 联办 registrations that
     * 市场监管 and 税务 exchanged, for which the units 可不提供 the documents.
     */
    public ItemApplication materialsShared() {
        this.materialsShared = true;
        return this;
    }

    /** A value stored with the form that the applicant did not send (e.g. the id the service gave the transfer). */
    public ItemApplication formValue(String name, Object value) {
        this.formExtras.put(name, value);
        return this;
    }

    /** An identifier the answer names at its top level (e.g. {@code transferId}). */
    public ItemApplication reference(String name, Object value) {
        this.references.put(name, value);
        return this;
    }

    /** For an instant item: the details its completion reports (amount, validity …) for the 已完成 template. */
    public ItemApplication details(Map<String, Object> details) {
        this.details = details;
        return this;
    }

    /**
     * For an instant item: its effect, applied in the request once the case is 办结; what it returns is the answer's
     * {@code result}. The effect is the item's {@link CaseReaction} to 办结 (which recovers it after a crash between the
     * case's write and the effect); once it ran in the request, that reaction is not run again for the event
     * ({@link CaseReactions#appliedInRequest}). It must be idempotent per case all the same: an event consumed before
     * the request marked it applies it again.
     */
    public ItemApplication whenCompleted(Function<Case, Mono<?>> effect) {
        this.whenCompleted = effect;
        return this;
    }

    public ItemDefinition item() {
        return item;
    }
}
