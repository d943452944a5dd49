package org.jingban.enrollment.voucher;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.extensions.Extension;
import io.swagger.v3.oas.annotations.extensions.ExtensionProperty;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.jingban.platform.security.Access;
import org.jingban.platform.security.Caller;
import org.jingban.platform.security.Role;
import org.jingban.platform.service.items.Submitted;
import org.jingban.platform.web.problem.Violations;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;
import reactor.core.publisher.Mono;

/** 医疗保障信息平台电子凭证 (local:wuwei): 激活, QR tokens, and their verification by designated institutions. */
@RestController
@Tag(name = "地方事项")
public class VoucherHandlers {

    private final ElectronicVouchers vouchers;

    public VoucherHandlers(ElectronicVouchers vouchers) {
        this.vouchers = vouchers;
    }

    public record Token(String token) {
    }

    @PostMapping("/api/v1/enrollment/e-vouchers")
    @Operation(summary = "医保电子凭证激活（即时办结）",
            extensions = @Extension(properties = @ExtensionProperty(name = "x-item-code", value = ElectronicVouchers.ITEM)))
    @Access(Role.INSURED_PERSON)
    public Mono<ResponseEntity<Submitted>> activate(@RequestBody(required = false) ActivationForm body, Caller caller) {
        return vouchers.activate(body == null ? new ActivationForm(null) : body, caller).map(Submitted::response);
    }

    @PostMapping("/api/v1/enrollment/e-vouchers/qr-tokens")
    @Operation(summary = "出示医保电子凭证二维码（短时有效，一次有效）",
            extensions = @Extension(properties = @ExtensionProperty(name = "x-item-code", value = ElectronicVouchers.ITEM)))
    @Access(Role.INSURED_PERSON)
    public Mono<VoucherTokens.Issued> qrToken(Caller caller) {
        return vouchers.qrToken(caller);
    }

    @PostMapping("/api/v1/enrollment/e-vouchers/verifications")
    @Operation(summary = "定点医药机构核验医保电子凭证二维码",
            extensions = @Extension(properties = @ExtensionProperty(name = "x-item-code", value = ElectronicVouchers.ITEM)))
    @Access(Role.INSTITUTION)
    public Mono<ElectronicVouchers.VerifiedHolder> verify(@RequestBody Token body, Caller caller) {
        new Violations().require("token", body.token()).throwIfAny();
        return vouchers.verify(body.token(), caller);
    }
}
