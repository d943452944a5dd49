package org.jingban.enrollment.contribution;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.extensions.Extension;
import io.swagger.v3.oas.annotations.extensions.ExtensionProperty;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.jingban.platform.security.Access;
import org.jingban.platform.security.Caller;
import org.jingban.platform.security.Role;
import org.jingban.platform.service.items.Submitted;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;
import reactor.core.publisher.Mono;

/**
 * Seed 003's contribution items (松潘): 灵活就业人员缴纳职工医疗保险费 (即办件, 缴费通知单), 参保单位缴费基数申报
 * (3 个工作日, 核定应缴纳的医保费数额) and 职工基本医疗保险费趸缴 (5 个工作日, 缴费通知单).
 */
@RestController
@Tag(name = "地方事项")
public class ContributionHandlers {

    private final FlexibleContribution flexible;
    private final ContributionBaseDeclaration bases;
    private final LumpSumContribution lumpSum;

    public ContributionHandlers(FlexibleContribution flexible, ContributionBaseDeclaration bases,
                                LumpSumContribution lumpSum) {
        this.flexible = flexible;
        this.bases = bases;
        this.lumpSum = lumpSum;
    }

    @PostMapping("/api/v1/enrollment/flexible-contributions")
    @Operation(summary = "灵活就业人员缴纳职工医疗保险费（即时办结，出具缴费通知单）",
            extensions = @Extension(properties = @ExtensionProperty(name = "x-item-code", value = FlexibleContribution.ITEM)))
    @Access({Role.INSURED_PERSON, Role.CLERK})
    public Mono<ResponseEntity<Submitted>> flexible(@RequestBody FlexibleContributionForm form, Caller caller) {
        return flexible.submit(form, caller).map(Submitted::response);
    }

    @PostMapping("/api/v1/enrollment/units/contribution-bases")
    @Operation(summary = "参保单位缴费基数申报（核定应缴纳的医保费数额）",
            extensions = @Extension(properties = @ExtensionProperty(name = "x-item-code", value = ContributionBaseDeclaration.ITEM)))
    @Access({Role.EMPLOYER_AGENT, Role.CLERK})
    public Mono<ResponseEntity<Submitted>> unitBases(@RequestBody ContributionBaseForm form, Caller caller) {
        return bases.submit(form, caller).map(Submitted::response);
    }

    @PostMapping("/api/v1/enrollment/lump-sum-contributions")
    @Operation(summary = "职工基本医疗保险费趸缴（退休时补足最低缴费年限，出具缴费通知单）",
            extensions = @Extension(properties = @ExtensionProperty(name = "x-item-code", value = LumpSumContribution.ITEM)))
    @Access({Role.INSURED_PERSON, Role.CLERK})
    public Mono<ResponseEntity<Submitted>> lumpSum(@RequestBody LumpSumContributionForm form, Caller caller) {
        return lumpSum.submit(form, caller).map(Submitted::response);
    }
}
