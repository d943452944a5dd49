package org.jingban.enrollment.employer;

import java.util.List;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.extensions.Extension;
import io.swagger.v3.oas.annotations.extensions.ExtensionProperty;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.jingban.platform.security.Access;
import org.jingban.platform.security.Authorize;
import org.jingban.platform.security.Caller;
import org.jingban.platform.security.Owner;
import org.jingban.platform.security.Role;
import org.jingban.platform.security.audit.AuditTrail;
import org.jingban.platform.service.items.Submitted;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;
import reactor.core.publisher.Mono;

/** 单位参保登记 622036001001 · 单位参保信息变更登记 622036001004 · 参保单位参保信息查询 622036002001. */
@RestController
@Tag(name = "参保单位")
public class EmployerHandlers {

    /** Scope of the data-sharing client (市场监管/税务) for 联办登记. */
    public static final String JOINT_SCOPE = "enrollment:joint-registration";

    private final UnitRegistration registration;
    private final UnitInformationChange change;
    private final Employers employers;
    private final UnitStaff staff;
    private final AuditTrail audit;

    public EmployerHandlers(UnitRegistration registration, UnitInformationChange change, Employers employers,
                            UnitStaff staff, AuditTrail audit) {
        this.registration = registration;
        this.change = change;
        this.employers = employers;
        this.staff = staff;
        this.audit = audit;
    }

    @PostMapping("/api/v1/enrollment/units")
    @Operation(summary = "单位参保登记（表1：新参保、暂停、注销、拆分合并分立）",
            extensions = @Extension(properties = @ExtensionProperty(name = "x-item-code", value = "622036001001")))
    @Access({Role.EMPLOYER_AGENT, Role.CLERK})
    public Mono<ResponseEntity<Submitted>> register(@RequestBody EmployerRegistrationForm form, Caller caller) {
        return registration.submit(form, caller).map(Submitted::response);
    }

    @PostMapping("/api/v1/enrollment/units/joint-registrations")
    @Operation(summary = "单位参保联办登记：市场监管、税务部门交换的数据，直接办理参保登记（即时办结）",
            extensions = @Extension(properties = @ExtensionProperty(name = "x-item-code", value = "622036001001")))
    @Access(scopes = JOINT_SCOPE)
    public Mono<ResponseEntity<Submitted>> joint(@RequestBody EmployerRegistrationForm form, Caller caller) {
        return registration.joint(form, caller).map(Submitted::response);
    }

    @PostMapping("/api/v1/enrollment/units/changes")
    @Operation(summary = "单位参保信息变更登记（表4）",
            extensions = @Extension(properties = @ExtensionProperty(name = "x-item-code", value = "622036001004")))
    @Access({Role.EMPLOYER_AGENT, Role.CLERK})
    public Mono<ResponseEntity<Submitted>> change(@RequestBody EmployerChangeForm form, Caller caller) {
        return change.submit(form, caller).map(Submitted::response);
    }

    public record UnitQuery(UnitView unit, List<StaffMember> staff, long activeStaff) {
    }

    @GetMapping("/api/v1/enrollment/units/{unitId}")
    @Operation(summary = "参保单位参保信息查询：单位信息、参保职工及缴费状态",
            extensions = @Extension(properties = @ExtensionProperty(name = "x-item-code", value = "622036002001")))
    @Access(value = {Role.EMPLOYER_AGENT, Role.CLERK, Role.REVIEWER, Role.FINANCE, Role.DIRECTOR},
            object = Access.ObjectOwner.PATH)
    public Mono<UnitQuery> query(@PathVariable String unitId, Caller caller) {
        return employers.findByCode(unitId)
                .transform(Authorize.visibleTo(caller, u -> Owner.unit(u.getUscc(), u.getRegionCode())))
                .transform(audit.reads(caller, "参保单位参保信息", u -> Owner.unit(u.getUscc(), u.getRegionCode()), Employer::getId))
                .flatMap(u -> Mono.zip(staff.of(u.getId()).collectList(), staff.contributing(u.getId()))
                        .map(t -> new UnitQuery(UnitView.of(u), t.getT1(), t.getT2())));
    }
}
