package org.jingban.enrollment.local;

import java.time.Clock;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.annotation.JsonProperty;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.extensions.Extension;
import io.swagger.v3.oas.annotations.extensions.ExtensionProperty;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.jingban.enrollment.CaseEffects;
import org.jingban.enrollment.person.InsuredPerson;
import org.jingban.enrollment.person.PersonAccess;
import org.jingban.enrollment.person.PersonView;
import org.jingban.enrollment.shared.Answers;
import org.jingban.enrollment.shared.Channels;
import org.jingban.enrollment.shared.IdDocument;
import org.jingban.enrollment.shared.ItemSubmissions;
import org.jingban.enrollment.shared.ItemSubmissions.Submitted;
import org.jingban.enrollment.shared.Materials;
import org.jingban.enrollment.shared.Phones;
import org.jingban.enrollment.shared.Submitters;
import org.jingban.platform.catalog.Catalog;
import org.jingban.platform.catalog.ItemDefinition;
import org.jingban.platform.cases.Case;
import org.jingban.platform.cases.CaseEvents;
import org.jingban.platform.cases.CaseStatus;
import org.jingban.platform.cases.Channel;
import org.jingban.platform.cases.Party;
import org.jingban.platform.cases.SubmitCase;
import org.jingban.platform.security.Access;
import org.jingban.platform.security.Caller;
import org.jingban.platform.security.Role;
import org.jingban.platform.web.problem.ProblemException;
import org.jingban.platform.web.problem.Violation;
import org.jingban.platform.web.problem.Violations;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;
import reactor.core.publisher.Mono;

/**
 * 参保人员电话号码新增和更改 (local:songpan, 即办件; material 医保电子凭证或有效身份证件或社保卡). Offered where the
 * catalog offers it (松潘 513224); elsewhere the phone is a non-key item of 622036001005/006.
 */
@RestController
@Tag(name = "地方事项")
public class PhoneChange implements CaseEffects.ItemEffect {

    public static final String ITEM = "local:songpan:参保人员电话号码新增和更改";

    private final Catalog catalog;
    private final ItemSubmissions submissions;
    private final PersonAccess persons;
    private final Clock clock;

    public PhoneChange(Catalog catalog, ItemSubmissions submissions, PersonAccess persons, Clock clock) {
        this.catalog = catalog;
        this.submissions = submissions;
        this.persons = persons;
        this.clock = clock;
    }

    public record Form(@JsonProperty("证件类型及号码") IdDocument id, @JsonProperty("联系电话") String phone,
                       @JsonProperty("申请材料") List<String> materials, @JsonProperty("渠道") String channel) {
    }

    @PostMapping("/api/v1/enrollment/persons/phone")
    @Operation(summary = "参保人员电话号码新增和更改（即时办结）",
            extensions = @Extension(properties = @ExtensionProperty(name = "x-item-code", value = ITEM)))
    @Access({Role.INSURED_PERSON, Role.CLERK})
    public Mono<ResponseEntity<Submitted>> change(@RequestBody Form form, Caller caller) {
        Violations v = new Violations().require("证件类型及号码", form.id() == null ? null : form.id().present())
                .require("联系电话", form.phone());
        if (form.id() != null && form.id().present() != null) {
            form.id().validate(v, "证件类型及号码");
        }
        Phones.check(v, "联系电话", form.phone());
        Channel channel = Channels.parse(form.channel(), v);
        v.throwIfAny();
        return persons.findByIdNumber(form.id().number())
                .switchIfEmpty(Mono.error(() -> ProblemException.unprocessable("未找到该人员的参保信息",
                        List.of(new Violation("证件类型及号码", "not-insured", "未找到该人员的参保信息")))))
                .flatMap(person -> {
                    String region = person.getInsurances().stream().map(i -> i.getRegionCode())
                            .filter(r -> catalog.find(ITEM, r).isPresent()).findFirst()
                            .orElseThrow(() -> ProblemException.unprocessable("参保地未开办「参保人员电话号码新增和更改」，"
                                    + "请通过参保信息变更登记（622036001005/622036001006）变更联系电话"));
                    ItemDefinition item = catalog.item(ITEM, region);
                    Party applicant = Party.person(person.getIdNumber(), person.getName());
                    List<Violation> failed = form.phone().equals(person.getPhone())
                            ? List.of(new Violation("联系电话", "unchanged", "新联系电话与登记的相同")) : List.of();
                    SubmitCase command = new SubmitCase(ITEM, region, channel, applicant, applicant, null,
                            ItemSubmissions.formMap(form), Materials.statuses(item, m -> false, List.of(), form.materials(), List.of()),
                            List.of(), List.of(), Map.of(), Submitters.submitter(caller, applicant, region));
                    return submissions.submit(command, failed);
                })
                .flatMap(c -> c.getStatus() == CaseStatus.COMPLETED
                        ? apply(c).map(p -> Submitted.of(c, PersonView.of(p, java.time.YearMonth.now(clock), null)))
                        : Mono.just(Submitted.of(c, null)))
                .map(Answers::submitted);
    }

    private Mono<InsuredPerson> apply(Case c) {
        Form form = ItemSubmissions.form(c, Form.class);
        return persons.changePhone(c.getApplicant().id(), ITEM, form.phone(), c.getId(), c.getCaseNumber(),
                c.getItemName(), c.getRegionCode(), clock.instant());
    }

    @Override
    public boolean handles(String itemCode) {
        return ITEM.equals(itemCode);
    }

    @Override
    public Mono<?> on(String eventType, CaseEffects.CaseRef event, Case c) {
        return CaseEvents.COMPLETED.equals(eventType) ? apply(c) : Mono.empty();
    }
}
