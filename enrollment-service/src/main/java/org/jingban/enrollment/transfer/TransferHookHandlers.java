package org.jingban.enrollment.transfer;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.extensions.Extension;
import io.swagger.v3.oas.annotations.extensions.ExtensionProperty;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.jingban.enrollment.api.TransferHooks.CreditIn;
import org.jingban.enrollment.api.TransferHooks.InsuranceRecord;
import org.jingban.enrollment.api.TransferHooks.Outcome;
import org.jingban.enrollment.api.TransferHooks.Release;
import org.jingban.enrollment.api.TransferHooks.Suspend;
import org.jingban.platform.security.Access;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;
import reactor.core.publisher.Mono;

/**
 * Internal endpoints of the transfer hooks for transfer-service (not routed by the gateway): scope
 * {@value #TRANSFER_SCOPE}. The path's transfer id wins over the body's. Contract: enrollment-service-api
 * ({@link org.jingban.enrollment.api.TransferHooks}).
 */
@RestController
@Tag(name = "转移接续（内部接口）")
public class TransferHookHandlers {

    public static final String TRANSFER_SCOPE = "enrollment:transfer";

    private final TransferHooks hooks;

    public TransferHookHandlers(TransferHooks hooks) {
        this.hooks = hooks;
    }

    @PostMapping("/internal/v1/enrollment/transfers/{transferId}/suspension")
    @Operation(summary = "中止参保（转出）",
            extensions = @Extension(properties = @ExtensionProperty(name = "x-item-code", value = "622036003002")))
    @Access(scopes = TRANSFER_SCOPE)
    public Mono<Outcome> suspend(@PathVariable String transferId, @RequestBody Suspend cmd) {
        return hooks.suspend(new Suspend(transferId, cmd.idNumber(), cmd.insuranceType(), cmd.regionCode()));
    }

    @PostMapping("/internal/v1/enrollment/transfers/{transferId}/release")
    @Operation(summary = "转出参保记录（参保期间、缴费月数）和个人账户余额",
            extensions = @Extension(properties = @ExtensionProperty(name = "x-item-code", value = "622036003002")))
    @Access(scopes = TRANSFER_SCOPE)
    public Mono<InsuranceRecord> release(@PathVariable String transferId, @RequestBody Release cmd) {
        return hooks.release(new Release(transferId, cmd.idNumber(), cmd.insuranceType(), cmd.regionCode()));
    }

    @PostMapping("/internal/v1/enrollment/transfers/{transferId}/credit")
    @Operation(summary = "转入参保期间和个人账户余额",
            extensions = @Extension(properties = @ExtensionProperty(name = "x-item-code", value = "622036003002")))
    @Access(scopes = TRANSFER_SCOPE)
    public Mono<Outcome> credit(@PathVariable String transferId, @RequestBody CreditIn cmd) {
        return hooks.creditIn(new CreditIn(transferId, cmd.idNumber(), cmd.name(), cmd.insuranceType(),
                cmd.regionCode(), cmd.fromRegionCode(), cmd.periods(), cmd.balance(), cmd.category()));
    }
}
