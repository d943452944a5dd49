package org.jingban.enrollment.person;

import java.time.Clock;
import java.time.YearMonth;
import java.util.List;

import org.jingban.enrollment.shared.CatalogItems;
import org.jingban.platform.catalog.Catalog;
import org.jingban.platform.catalog.ItemDefinition;
import org.jingban.platform.cases.Case;
import org.jingban.platform.cases.Party;
import org.jingban.platform.security.Caller;
import org.jingban.platform.service.items.CaseReaction;
import org.jingban.platform.service.items.ItemApplication;
import org.jingban.platform.service.items.ItemSubmissions;
import org.jingban.platform.service.items.Submitted;
import org.jingban.platform.web.problem.ProblemException;
import org.springframework.stereotype.Service;
import reactor.core.publisher.Mono;

/**
 * 城乡居民参保登记 (622036001003, 表3, 即时办结): the person is registered (or found) and insured in the pool once per
 * case; not twice in the same pool while an insurance there is active.
 */
@Service
public class ResidentRegistration {

    public static final String ITEM = "622036001003";
    private static final String ID_FIELD = "证件类型及号码";

    private final Catalog catalog;
    private final ItemSubmissions submissions;
    private final InsuredPersons persons;
    private final Clock clock;

    public ResidentRegistration(Catalog catalog, ItemSubmissions submissions, InsuredPersons persons, Clock clock) {
        this.catalog = catalog;
        this.submissions = submissions;
        this.persons = persons;
        this.clock = clock;
    }

    public Mono<Submitted> submit(ResidentRegistrationForm form, Caller caller) {
        ItemDefinition item = CatalogItems.inRegionOrDefault(catalog, ITEM, form.regionCode());
        submissions.validate(form, item);
        if (catalog.find(ITEM, form.regionCode()).isEmpty()) {
            throw ProblemException.unprocessable("参保地区" + form.regionCode() + "未开办城乡居民参保登记");
        }
        return persons.findByIdNumber(form.id().number())
                .map(p -> p.checkNewEnrollment(Insurance.RESIDENT_INSURANCE, form.regionCode(), PersonCategory.RESIDENT,
                        ID_FIELD))
                .defaultIfEmpty(List.of())
                .flatMap(failed -> submissions.submit(ItemApplication.of(item, form, caller)
                        .applicant(Party.person(form.id().number(), form.name()))
                        .failedChecks(failed)
                        .whenCompleted(c -> apply(c).map(p -> PersonView.of(p, YearMonth.now(clock), null)))));
    }

    /** Registers the person (if new) and starts the resident insurance of the pool, once per case. */
    @CaseReaction(item = ITEM)
    public Mono<InsuredPerson> apply(Case c) {
        ResidentRegistrationForm form = ItemSubmissions.form(c, ResidentRegistrationForm.class);
        return persons.createOrChange(form.id(), form.name(), person -> {
            if (person.hasApplied(c.getId(), Insurance.RESIDENT_INSURANCE, c.getRegionCode())
                    || !person.checkNewEnrollment(Insurance.RESIDENT_INSURANCE, c.getRegionCode(), PersonCategory.RESIDENT,
                    ID_FIELD).isEmpty()) {
                return false;
            }
            person.describe(form.gender(), form.birthDate(), form.phone(), form.householdAddress(), form.mailingAddress(),
                    form.applicantIdentity(), form.subsidyCategory());
            person.applyEmployeeChange(ChangeType.ADD, Insurance.RESIDENT_INSURANCE, c.getRegionCode(), null, null,
                    PersonCategory.RESIDENT, 0, YearMonth.now(clock), c.getId(), c.getCaseNumber(), clock.instant());
            return true;
        });
    }
}
