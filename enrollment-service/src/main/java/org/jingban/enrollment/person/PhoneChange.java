package org.jingban.enrollment.person;

import java.time.Clock;
import java.time.YearMonth;
import java.util.List;
import java.util.Optional;

import org.jingban.enrollment.shared.CatalogItems;
import org.jingban.platform.catalog.Catalog;
import org.jingban.platform.catalog.ItemDefinition;
import org.jingban.platform.cases.Case;
import org.jingban.platform.cases.Party;
import org.jingban.platform.cases.Reason;
import org.jingban.platform.security.Caller;
import org.jingban.platform.service.items.CaseReaction;
import org.jingban.platform.service.items.ItemApplication;
import org.jingban.platform.service.items.ItemSubmissions;
import org.jingban.platform.service.items.Submitted;
import org.jingban.platform.web.problem.ProblemException;
import org.jingban.platform.web.problem.Violation;
import org.springframework.stereotype.Service;
import reactor.core.publisher.Mono;

/**
 * 参保人员电话号码新增和更改 (local:songpan, 即办件; material 医保电子凭证或有效身份证件或社保卡). Offered where the
 * catalog offers it (松潘 513224); elsewhere the phone is a non-key item of 622036001005/006.
 */
@Service
public class PhoneChange {

    public static final String ITEM = "local:songpan:参保人员电话号码新增和更改";

    private final Catalog catalog;
    private final ItemSubmissions submissions;
    private final InsuredPersons persons;
    private final Clock clock;
    /** The item where the catalog defines it, to check the form against before the handling region is known. */
    private final Optional<ItemDefinition> home;

    public PhoneChange(Catalog catalog, ItemSubmissions submissions, InsuredPersons persons, Clock clock) {
        this.catalog = catalog;
        this.submissions = submissions;
        this.persons = persons;
        this.clock = clock;
        this.home = CatalogItems.home(catalog, ITEM);
    }

    public Mono<Submitted> submit(PhoneChangeForm form, Caller caller) {
        submissions.validate(form, home.orElseThrow(this::notOffered));
        return persons.findByIdNumber(form.id().number())
                .switchIfEmpty(Mono.error(() -> ProblemException.unprocessable("未找到该人员的参保信息",
                        List.of(new Violation("证件类型及号码", "not-insured", "未找到该人员的参保信息")))))
                .flatMap(person -> {
                    String region = person.getInsurances().stream().map(Insurance::getRegionCode)
                            .filter(r -> catalog.find(ITEM, r).isPresent()).findFirst()
                            .orElseThrow(this::notOffered);
                    List<Reason> failed = form.phone().equals(person.getPhone())
                            ? List.of(Reason.at("联系电话", "unchanged", "新联系电话与登记的相同")) : List.of();
                    return submissions.submit(ItemApplication.of(catalog.item(ITEM, region), form, caller)
                            .applicant(Party.person(person.getIdNumber(), person.getName()))
                            .failedChecks(failed)
                            .whenCompleted(c -> apply(c).map(p -> PersonView.of(p, YearMonth.now(clock), null))));
                });
    }

    /** 422 where the person's pool does not offer the item: the phone is a non-key item of 表5/表6 there. */
    private ProblemException notOffered() {
        return ProblemException.unprocessable("参保地未开办「参保人员电话号码新增和更改」，"
                + "请通过参保信息变更登记（622036001005/622036001006）变更联系电话");
    }

    /** Saves the new 联系电话 once per case. */
    @CaseReaction(item = ITEM)
    public Mono<InsuredPerson> apply(Case c) {
        PhoneChangeForm form = ItemSubmissions.form(c, PhoneChangeForm.class);
        return persons.change(c.getApplicant().id(), p -> {
            if (p.hasApplied(c.getId())) {
                return false;
            }
            p.applyInformationChange(ITEM, "联系电话", form.phone(), false, c.getCaseNumber(), clock.instant());
            p.informationChanged(c.getId(), c.getItemName(), c.getRegionCode(), clock.instant());
            return true;
        });
    }
}
