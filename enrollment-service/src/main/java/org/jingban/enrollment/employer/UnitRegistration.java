package org.jingban.enrollment.employer;

import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

import org.jingban.enrollment.shared.CatalogItems;
import org.jingban.platform.catalog.Catalog;
import org.jingban.platform.catalog.ItemDefinition;
import org.jingban.platform.cases.ActorRole;
import org.jingban.platform.cases.Case;
import org.jingban.platform.cases.CaseActor;
import org.jingban.platform.cases.CaseStatus;
import org.jingban.platform.cases.Channel;
import org.jingban.platform.cases.Party;
import org.jingban.platform.cases.Reason;
import org.jingban.platform.cases.Stage;
import org.jingban.platform.cases.StageKind;
import org.jingban.platform.cases.application.CaseService;
import org.jingban.platform.messaging.WriteConflicts;
import org.jingban.platform.security.Caller;
import org.jingban.platform.service.cases.CaseActors;
import org.jingban.platform.service.items.CaseReaction;
import org.jingban.platform.service.items.ItemApplication;
import org.jingban.platform.service.items.ItemSubmissions;
import org.jingban.platform.service.items.Submitted;
import org.jingban.platform.web.problem.ProblemException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Service;
import reactor.core.publisher.Mono;

/**
 * 单位参保登记 (622036001001, 表1): 新参保登记, 暂停登记, 注销登记, 拆分合并分立 — applied to the unit register once
 * per case when it is 办结 (in the request where the item is 即办件, as in Wuwei). 联办登记 takes the data 市场监管/税务
 * exchanged: every material obtained by data sharing, and the system takes the case through its stages at once.
 */
@Service
public class UnitRegistration {

    public static final String ITEM = "622036001001";
    private static final Logger log = LoggerFactory.getLogger(UnitRegistration.class);

    private final Catalog catalog;
    private final ItemSubmissions submissions;
    private final CaseService cases;
    private final Employers employers;
    private final UnitStaff staff;
    private final Clock clock;

    public UnitRegistration(Catalog catalog, ItemSubmissions submissions, CaseService cases, Employers employers,
                            UnitStaff staff, Clock clock) {
        this.catalog = catalog;
        this.submissions = submissions;
        this.cases = cases;
        this.employers = employers;
        this.staff = staff;
        this.clock = clock;
    }

    /** 表1 from the unit's agent or a window clerk. */
    public Mono<Submitted> submit(EmployerRegistrationForm form, Caller caller) {
        ItemDefinition item = CatalogItems.inRegionOrDefault(catalog, ITEM, form.regionCode());
        submissions.validate(form, item);
        ItemDefinition offered = offered(form);
        return checks(form).flatMap(failed -> submissions.submit(ItemApplication.of(offered, form, caller)
                .applicant(Party.employer(form.uscc(), form.name()))
                .failedChecks(failed)
                .whenCompleted(c -> apply(c).map(UnitView::of))));
    }

    /**
     * 联办登记: 表1 as 市场监管/税务 exchanged it (a system client with the joint-registration scope). 实现联办建立登记的企业
     * 可不提供 the certificate: every material of the case is obtained by data sharing ({@code materialsShared()}); then
     * the system accepts, reviews and completes at once, 即时办结 even where the item is a 承诺件.
     */
    public Mono<Submitted> joint(EmployerRegistrationForm form, Caller caller) {
        ItemDefinition item = CatalogItems.inRegionOrDefault(catalog, ITEM, form.regionCode());
        ItemSubmissions.problems(form, item).throwIfAny(); // the channel is 联办 whatever the form says
        ItemDefinition offered = offered(form);
        return checks(form).flatMap(failed -> submissions.submitCase(ItemApplication.of(offered, form, caller)
                        .applicant(Party.employer(form.uscc(), form.name()))
                        .channel(Channel.JOINT)
                        .submittedBy(CaseActors.as(caller, ActorRole.SYSTEM))
                        .materialsShared()
                        .failedChecks(failed)))
                .flatMap(c -> c.getStatus().finished() ? Mono.just(c) : completeBySystem(c))
                .flatMap(c -> c.getStatus() != CaseStatus.COMPLETED ? Mono.just(Submitted.of(c, null))
                        : apply(c).map(e -> Submitted.of(c, UnitView.of(e))).defaultIfEmpty(Submitted.of(c, null)));
    }

    /** The item where the form registers the unit; 422 where the catalog does not offer it. */
    private ItemDefinition offered(EmployerRegistrationForm form) {
        return catalog.find(ITEM, form.regionCode()).orElseThrow(() ->
                ProblemException.unprocessable("参保地区" + form.regionCode() + "未开办单位参保登记"));
    }

    /** The 登记类型's rules against the register: the unit as registered, the former unit, its contributing staff. */
    private Mono<List<Reason>> checks(EmployerRegistrationForm form) {
        Mono<Optional<Employer>> existing = employers.findByCode(form.uscc()).map(Optional::of)
                .defaultIfEmpty(Optional.empty());
        Mono<Optional<Employer>> former = form.type() == RegistrationType.RESTRUCTURE
                ? employers.findByCode(form.formerUscc()).map(Optional::of).defaultIfEmpty(Optional.empty())
                : Mono.just(Optional.empty());
        return Mono.zip(existing, former).flatMap(found -> found.getT1()
                .map(unit -> staff.contributing(unit.getId())).orElse(Mono.just(0L))
                .map(contributing -> Employer.checkRegistration(form.type(), found.getT1().orElse(null),
                        found.getT2().orElse(null), contributing)));
    }

    /** 联办: the system accepts, passes every review stage and completes. */
    private Mono<Case> completeBySystem(Case submitted) {
        Mono<Case> chain = cases.accept(submitted.getId(), CaseActor.SYSTEM);
        for (Stage stage : submitted.getStages()) {
            StageKind kind = stage.kind();
            if (kind != StageKind.APPLICATION && kind != StageKind.ACCEPTANCE && kind != StageKind.COMPLETION) {
                chain = chain.then(cases.advance(submitted.getId(), CaseActor.SYSTEM, stage.name(), "联办数据自动审核"));
            }
        }
        return chain.then(cases.complete(submitted.getId(), CaseActor.SYSTEM, Map.of()));
    }

    /** Applies a 办结 case to the register, once (the unit keeps the case id). */
    @CaseReaction(item = ITEM)
    public Mono<Employer> apply(Case c) {
        EmployerRegistrationForm form = ItemSubmissions.form(c, EmployerRegistrationForm.class);
        RegistrationType type = form.type();
        return Mono.defer(() -> employers.findByCode(form.uscc()).map(Optional::of).defaultIfEmpty(Optional.empty())
                        .flatMap(found -> {
                            Employer e = found.orElse(null);
                            if (e != null && e.hasApplied(c.getId())) {
                                return Mono.just(e);
                            }
                            Instant at = clock.instant();
                            switch (type) {
                                case NEW, RESTRUCTURE -> {
                                    if (e == null) {
                                        return employers.insert(Employer.register(UUID.randomUUID().toString(), form.uscc(),
                                                form.details(), type, c.getId(), c.getCaseNumber(), at));
                                    }
                                    if (e.getStatus() != Employer.Status.CANCELLED) {
                                        log.warn("办件 {}: 单位已参保登记，未重复登记", c.getCaseNumber());
                                        return Mono.just(e);
                                    }
                                    e.reRegister(form.details(), type, c.getId(), c.getCaseNumber(), at);
                                }
                                case SUSPEND -> e.changeStatus(Employer.Status.SUSPENDED, type, c.getId(), c.getCaseNumber(), at);
                                case CANCEL -> e.changeStatus(Employer.Status.CANCELLED, type, c.getId(), c.getCaseNumber(), at);
                            }
                            return employers.save(e);
                        }))
                .retryWhen(WriteConflicts.retry());
    }
}
