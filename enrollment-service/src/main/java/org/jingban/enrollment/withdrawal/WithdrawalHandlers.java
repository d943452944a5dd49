package org.jingban.enrollment.withdrawal;

import java.util.Map;

import com.fasterxml.jackson.annotation.JsonProperty;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.extensions.Extension;
import io.swagger.v3.oas.annotations.extensions.ExtensionProperty;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.jingban.platform.security.Access;
import org.jingban.platform.security.Caller;
import org.jingban.platform.security.Role;
import org.jingban.platform.identifiers.Masking;
import org.jingban.platform.service.items.IdDocument;
import org.jingban.platform.service.items.Submitted;
import org.jingban.platform.web.problem.Violations;
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
    private final DeathRecords deaths;

    public WithdrawalHandlers(Withdrawals withdrawals, DeathRecords deaths) {
        this.withdrawals = withdrawals;
        this.deaths = deaths;
    }

    @PostMapping("/api/v1/enrollment/withdrawals")
    @Operation(summary = "个人账户一次性支取申请（表7；申请—受理—审核—拨付—办结，15个工作日；拨付时一次付清）",
            extensions = @Extension(properties = @ExtensionProperty(name = "x-item-code", value = "622036002003")))
    @Access({Role.INSURED_PERSON, Role.CLERK})
    public Mono<ResponseEntity<Submitted>> apply(@RequestBody WithdrawalForm form, Caller caller) {
        return withdrawals.apply(form, caller).map(Submitted::response);
    }

    /** One death as the civil-affairs / public-security exchange delivers it. */
    public record SharedDeathRecord(@JsonProperty("证件类型及号码") IdDocument id,
                                    @JsonProperty("死亡日期") String dateOfDeath,
                                    @JsonProperty("数据来源") String source) {
    }

    @PostMapping("/api/v1/enrollment/shared-data/death-records")
    @Operation(summary = "部门数据共享：接收死亡信息（本地适配器）",
            description = "民政、公安等部门数据交换的系统客户端；因死亡支取个人账户时据此核验，查询得到的无需个人承诺书")
    @Access(Role.SYSTEM)
    public Mono<Map<String, String>> receive(@RequestBody SharedDeathRecord record) {
        Violations v = new Violations().require("证件类型及号码", record.id()).require("死亡日期", record.dateOfDeath());
        if (record.id() != null) {
            record.id().validate(v, "证件类型及号码");
        }
        if (record.dateOfDeath() != null && !record.dateOfDeath().isBlank()) {
            v.date("死亡日期", record.dateOfDeath());
        }
        v.throwIfAny();
        return deaths.receive(record.id().number(), record.dateOfDeath(), record.source())
                .map(saved -> Map.of("证件号码", Masking.idNumber(saved.idNumber())));
    }
}
