package org.jingban.enrollment.withdrawal;

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

/** 参保人员个人账户一次性支取 622036002003. */
@RestController
@Tag(name = "个人账户一次性支取")
public class WithdrawalHandlers {

    private final Withdrawals withdrawals;

    public WithdrawalHandlers(Withdrawals withdrawals) {
        this.withdrawals = withdrawals;
    }

    @PostMapping("/api/v1/enrollment/withdrawals")
    @Operation(summary = "个人账户一次性支取申请（表7；申请—受理—审核—拨付—办结，15个工作日；拨付时一次付清）",
            extensions = @Extension(properties = @ExtensionProperty(name = "x-item-code", value = "622036002003")))
    @Access({Role.INSURED_PERSON, Role.CLERK})
    public Mono<ResponseEntity<Submitted>> apply(@RequestBody WithdrawalForm form, Caller caller) {
        return withdrawals.apply(form, caller).map(Submitted::response);
    }
}
