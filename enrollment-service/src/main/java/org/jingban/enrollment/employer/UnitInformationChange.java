package org.jingban.enrollment.employer;

import java.time.Clock;
import java.util.ArrayList;
import java.util.List;

import org.jingban.enrollment.shared.ChangeRecord;
import org.jingban.enrollment.shared.CatalogItems;
import org.jingban.platform.catalog.Catalog;
import org.jingban.platform.catalog.ItemDefinition;
import org.jingban.platform.catalog.Material;
import org.jingban.platform.cases.Case;
import org.jingban.platform.cases.Materials;
import org.jingban.platform.cases.Party;
import org.jingban.platform.cases.Reason;
import org.jingban.platform.messaging.WriteConflicts;
import org.jingban.platform.security.Caller;
import org.jingban.platform.service.items.CaseReaction;
import org.jingban.platform.service.items.ItemApplication;
import org.jingban.platform.service.items.ItemSubmissions;
import org.jingban.platform.service.items.Submitted;
import org.jingban.platform.web.problem.ProblemException;
import org.jingban.platform.web.problem.Violation;
import org.jingban.platform.web.problem.Violations;
import org.springframework.stereotype.Service;
import reactor.core.publisher.Mono;

/**
 * 单位参保信息变更登记 (622036001004, 表4): 表4 is read as the unit shall be; the register records every changed item
 * with its before and after value. A change of key information (统一社会信用代码, 法定代表人) needs the catalog's
 * supporting material.
 */
@Service
public class UnitInformationChange {

    public static final String ITEM = "622036001004";
    private static final String UNIT_FIELD = "统一社会信用代码/单位编码";

    private final Catalog catalog;
    private final ItemSubmissions submissions;
    private final Employers employers;
    private final Clock clock;

    public UnitInformationChange(Catalog catalog, ItemSubmissions submissions, Employers employers, Clock clock) {
        this.catalog = catalog;
        this.submissions = submissions;
        this.employers = employers;
        this.clock = clock;
    }

    public Mono<Submitted> submit(EmployerChangeForm form, Caller caller) {
        new Violations().require(UNIT_FIELD, form.unit()).throwIfAny();
        return employers.findByCode(form.unit())
                .switchIfEmpty(Mono.error(() -> ProblemException.unprocessable("该单位未办理参保登记，不能办理信息变更",
                        List.of(new Violation(UNIT_FIELD, "unit-not-found", "该单位未办理参保登记")))))
                .flatMap(unit -> {
                    ItemDefinition item = CatalogItems.inRegionOrDefault(catalog, ITEM, unit.getRegionCode());
                    submissions.validate(form, item);
                    List<ChangeRecord> diff = unit.differences(form.change(), null, clock.instant());
                    List<Reason> failed = new ArrayList<>();
                    if (diff.isEmpty()) {
                        failed.add(Reason.at("变更事项", "nothing-changed", "填报的信息与登记信息相同，没有需要变更的事项"));
                    }
                    if (unit.getStatus() == Employer.Status.CANCELLED) {
                        failed.add(Reason.at(UNIT_FIELD, "cancelled", "该单位已注销，不能办理信息变更"));
                    }
                    // the key material is conditional on what the register holds, not on the form alone
                    List<String> keyMaterials = diff.stream().anyMatch(ChangeRecord::key)
                            ? item.materials().stream().filter(m -> Materials.mentions(m, "关键信息")).map(Material::name).toList()
                            : List.of();
                    return codeTaken(form, unit).flatMap(taken -> {
                        if (taken) {
                            failed.add(Reason.at("新统一社会信用代码", "already-registered", "新统一社会信用代码已被其他参保单位使用"));
                        }
                        return submissions.submit(ItemApplication.of(item, form, caller)
                                .applicant(Party.employer(unit.getUscc(), unit.getName()))
                                .extraMaterials(keyMaterials)
                                .failedChecks(failed)
                                .whenCompleted(c -> apply(c).map(UnitView::of)));
                    });
                });
    }

    /** Whether another unit holds the new 统一社会信用代码. */
    private Mono<Boolean> codeTaken(EmployerChangeForm form, Employer unit) {
        return form.newUscc() == null || form.newUscc().isBlank() || form.newUscc().equals(unit.getUscc())
                ? Mono.just(false) : employers.findByCode(form.newUscc()).hasElement();
    }

    /** Applies a 办结 case to the register, once. */
    @CaseReaction(item = ITEM)
    public Mono<Employer> apply(Case c) {
        EmployerChangeForm form = ItemSubmissions.form(c, EmployerChangeForm.class);
        return Mono.defer(() -> employers.findByCode(form.unit()).flatMap(e -> {
                    if (e.hasApplied(c.getId())) {
                        return Mono.just(e);
                    }
                    e.applyChange(form.change(), c.getId(), c.getCaseNumber(), clock.instant());
                    return employers.save(e);
                }))
                .retryWhen(WriteConflicts.retry());
    }
}
