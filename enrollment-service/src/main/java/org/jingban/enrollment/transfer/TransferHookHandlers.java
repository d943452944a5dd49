package org.jingban.enrollment.transfer;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.extensions.Extension;
import io.swagger.v3.oas.annotations.extensions.ExtensionProperty;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.jingban.platform.security.Access;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;
import reactor.core.publisher.Mono;

/**
 * Internal endpoints of the transfer hooks for transfer-service (not routed by the gateway): scope
 * {@value #TRANSFER_SCOPE}. The path's transfer id wins over the body's. Contract: enrollment-service/README.md.
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
    public Mono<TransferCommands.Outcome> suspend(@PathVariable String transferId, @RequestBody TransferCommands.Suspend cmd) {
        return hooks.suspend(new TransferCommands.Suspend(transferId, cmd.idNumber(), cmd.insuranceType(), cmd.regionCode()));
    }

    @PostMapping("/internal/v1/enrollment/transfers/{transferId}/release")
    @Operation(summary = "转出参保记录（参保期间、缴费月数）和个人账户余额",
            extensions = @Extension(properties = @ExtensionProperty(name = "x-item-code", value = "622036003002")))
    @Access(scopes = TRANSFER_SCOPE)
    public Mono<TransferCommands.InsuranceRecord> release(@PathVariable String transferId,
                                                          @RequestBody TransferCommands.Release cmd) {
        return hooks.release(new TransferCommands.Release(transferId, cmd.idNumber(), cmd.insuranceType(), cmd.regionCode()));
    }

    @PostMapping("/internal/v1/enrollment/transfers/{transferId}/credit")
    @Operation(summary = "转入参保期间和个人账户余额",
            extensions = @Extension(properties = @ExtensionProperty(name = "x-item-code", value = "622036003002")))
    @Access(scopes = TRANSFER_SCOPE)
    public Mono<TransferCommands.Outcome> credit(@PathVariable String transferId, @RequestBody TransferCommands.CreditIn cmd) {
        return hooks.creditIn(new TransferCommands.CreditIn(transferId, cmd.idNumber(), cmd.name(), cmd.insuranceType(),
                cmd.regionCode(), cmd.fromRegionCode(), cmd.periods(), cmd.balance(), cmd.category()));
    }
}
