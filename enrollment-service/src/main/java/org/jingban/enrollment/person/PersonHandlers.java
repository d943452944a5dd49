package org.jingban.enrollment.person;

import java.time.YearMonth;
import java.util.List;

import com.fasterxml.jackson.annotation.JsonProperty;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.extensions.Extension;
import io.swagger.v3.oas.annotations.extensions.ExtensionProperty;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.jingban.enrollment.account.AccountLedger;
import org.jingban.enrollment.account.EntryView;
import org.jingban.platform.cases.Case;
import org.jingban.platform.money.Money;
import org.jingban.platform.security.Access;
import org.jingban.platform.security.Authorize;
import org.jingban.platform.security.Caller;
import org.jingban.platform.security.Owner;
import org.jingban.platform.security.Role;
import org.jingban.platform.security.audit.AuditTrail;
import org.jingban.platform.service.items.Submitted;
import org.jingban.platform.service.items.IdDocument;
import org.jingban.platform.web.problem.Violations;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;
import reactor.core.publisher.Mono;
import org.jingban.platform.service.openapi.BodyExample;

/**
 * 职工参保登记 622036001002 · 城乡居民参保登记 622036001003 · 职工/城乡居民参保信息变更登记 622036001005/006 ·
 * 参保人员参保信息查询 622036002002 · 参保人员电话号码新增和更改 (local:songpan). Parse, authorize, call the item, answer.
 */
@RestController
@Tag(name = "参保人员")
public class PersonHandlers {

    private final EmployeeRegistration employees;
    private final ResidentRegistration residents;
    private final InformationChange changes;
    private final PhoneChange phones;
    private final InsuredPersons persons;
    private final AccountLedger ledger;
    private final AuditTrail audit;

    public PersonHandlers(EmployeeRegistration employees, ResidentRegistration residents, InformationChange changes,
                          PhoneChange phones, InsuredPersons persons, AccountLedger ledger, AuditTrail audit) {
        this.employees = employees;
        this.residents = residents;
        this.changes = changes;
        this.phones = phones;
        this.persons = persons;
        this.ledger = ledger;
        this.audit = audit;
    }

    @PostMapping("/api/v1/enrollment/employees")
    @BodyExample({"人员类别=灵活就业人员", "统一社会信用代码/单位编码=null", "人员明细[0].人员身份=null"})
    @Operation(summary = "职工参保登记（表2：一次可登记多名职工；灵活就业人员即时办结）",
            extensions = @Extension(properties = @ExtensionProperty(name = "x-item-code", value = "622036001002")))
    @Access({Role.EMPLOYER_AGENT, Role.INSURED_PERSON, Role.CLERK})
    public Mono<ResponseEntity<Submitted>> employees(@RequestBody EmployeeRegistrationForm form, Caller caller) {
        return employees.submit(form, caller).map(Submitted::response);
    }

    @PostMapping("/api/v1/enrollment/residents")
    @BodyExample("申请人身份=无业成年人") // the example person is an adult (born 1990)
    @Operation(summary = "城乡居民参保登记（表3，即时办结）",
            extensions = @Extension(properties = @ExtensionProperty(name = "x-item-code", value = "622036001003")))
    @Access({Role.INSURED_PERSON, Role.CLERK})
    public Mono<ResponseEntity<Submitted>> residents(@RequestBody ResidentRegistrationForm form, Caller caller) {
        return residents.submit(form, caller).map(Submitted::response);
    }

    @PostMapping("/api/v1/enrollment/employees/changes")
    @Operation(summary = "职工参保信息变更登记（表5，关键信息须提供辅助材料）",
            extensions = @Extension(properties = @ExtensionProperty(name = "x-item-code", value = "622036001005")))
    @Access({Role.EMPLOYER_AGENT, Role.INSURED_PERSON, Role.CLERK})
    public Mono<ResponseEntity<Submitted>> employeeChange(@RequestBody PersonChangeForm form, Caller caller) {
        return changes.submit(form, true, caller).map(Submitted::response);
    }

    @PostMapping("/api/v1/enrollment/residents/changes")
    @Operation(summary = "城乡居民参保信息变更登记（表6，关键信息须提供辅助材料）",
            extensions = @Extension(properties = @ExtensionProperty(name = "x-item-code", value = "622036001006")))
    @Access({Role.INSURED_PERSON, Role.CLERK})
    public Mono<ResponseEntity<Submitted>> residentChange(@RequestBody PersonChangeForm form, Caller caller) {
        return changes.submit(form, false, caller).map(Submitted::response);
    }

    @PostMapping("/api/v1/enrollment/persons/phone")
    @Operation(summary = "参保人员电话号码新增和更改（即时办结）",
            extensions = @Extension(properties = @ExtensionProperty(name = "x-item-code", value = PhoneChange.ITEM)))
    @Access({Role.INSURED_PERSON, Role.CLERK})
    public Mono<ResponseEntity<Submitted>> phone(@RequestBody PhoneChangeForm form, Caller caller) {
        return phones.submit(form, caller).map(Submitted::response);
    }

    @GetMapping("/api/v1/enrollment/persons/{personId}")
    @Operation(summary = "参保人员参保信息查询：参保期间、险种、缴费月数、个人账户余额及明细",
            extensions = @Extension(properties = @ExtensionProperty(name = "x-item-code", value = "622036002002")))
    @Access(value = {Role.INSURED_PERSON, Role.CLERK, Role.REVIEWER, Role.FINANCE, Role.DIRECTOR},
            object = Access.ObjectOwner.PATH)
    public Mono<PersonView> person(@PathVariable String personId, Caller caller) {
        return view(persons.find(personId), caller);
    }

    @GetMapping("/api/v1/enrollment/persons/me")
    @Operation(summary = "本人参保信息查询",
            extensions = @Extension(properties = @ExtensionProperty(name = "x-item-code", value = "622036002002")))
    @Access(Role.INSURED_PERSON)
    public Mono<PersonView> me(Caller caller) {
        return view(persons.findByIdNumber(caller.idNumber()), caller);
    }

    /** 证件号码, and its 证件类型 when not a 居民身份证. */
    public record Lookup(@JsonProperty("证件类型") String idType, @JsonProperty("证件号码") String idNumber) {
    }

    @PostMapping("/api/v1/enrollment/persons/lookup")
    @Operation(summary = "按证件号码查询参保人员参保信息（证件号码不出现在地址中）",
            extensions = @Extension(properties = @ExtensionProperty(name = "x-item-code", value = "622036002002")))
    @Access({Role.INSURED_PERSON, Role.CLERK, Role.REVIEWER, Role.FINANCE, Role.DIRECTOR})
    public Mono<PersonView> lookup(@RequestBody Lookup lookup, Caller caller) {
        Violations v = new Violations().require("证件号码", lookup.idNumber());
        if (lookup.idNumber() != null && !lookup.idNumber().isBlank()) {
            // an identifier is validated before anything is looked up (400, not a 404 for a number that cannot exist)
            IdDocument.validateNumber(v, "证件类型", lookup.idType(), "证件号码", lookup.idNumber());
        }
        v.throwIfAny();
        return view(persons.findByIdNumber(lookup.idNumber()), caller);
    }

    private Mono<PersonView> view(Mono<InsuredPerson> found, Caller caller) {
        return found
                .transform(Authorize.visibleToAny(caller, PersonHandlers::owners))
                .transform(audit.reads(caller, "参保人员参保信息", p -> owners(p).get(0), InsuredPerson::getId))
                .flatMap(p -> ledger.findById(p.getId())
                        .flatMap(a -> ledger.entries(a.getId()).map(EntryView::of).collectList()
                                .map(entries -> new PersonView.Account(a.getId(), Money.format(a.getBalanceFen()),
                                        a.getStatus().name(), entries)))
                        .map(account -> PersonView.of(p, YearMonth.now(Case.ZONE), account))
                        .defaultIfEmpty(PersonView.of(p, YearMonth.now(Case.ZONE), null)));
    }

    static List<Owner> owners(InsuredPerson p) {
        List<Owner> owners = p.getInsurances().stream().map(i -> Owner.person(p.getIdNumber(), i.getRegionCode())).toList();
        return owners.isEmpty() ? List.of(Owner.person(p.getIdNumber(), null)) : owners;
    }
}
