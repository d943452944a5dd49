package org.jingban.designation.migration;

import java.util.List;

import com.fasterxml.jackson.annotation.JsonProperty;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.jingban.platform.security.Access;
import org.jingban.platform.security.Caller;
import org.jingban.platform.security.Role;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;
import reactor.core.publisher.Mono;

/**
 * 存量定点医药机构导入 at go-live: operations staff or a data-migration client (scope
 * {@value AgreementImports#SCOPE}) send the agreements signed on paper as a JSON list ({@link ExistingAgreement}).
 */
@RestController
@RequestMapping("/api/v1/designated-institutions/agreements/imports")
@Tag(name = "存量医保协议导入", description = "系统上线前已签订的医保协议：保留原定点医药机构编码、协议编号、有效期、协议范围和联系人")
public class ImportHandlers {

    /** The body: {"协议": [ … ]}. */
    public record ImportForm(@JsonProperty("协议") List<ExistingAgreement> agreements) {
    }

    private final AgreementImports imports;

    public ImportHandlers(AgreementImports imports) {
        this.imports = imports;
    }

    @PostMapping
    @Operation(summary = "导入上线前已签订的医保协议", description = "{\"协议\": [ … ]}，每次最多" + AgreementImports.MAX_ROWS + "条。"
            + "每条：定点医药机构编码（H医疗机构/P零售药店+6位执业（营业）地址行政区划+5位顺序号，保留原编码，新签协议不会再使用）、"
            + "机构名称、统一社会信用代码、协议编号、协议开始日期、协议截止日期（未到期）、协议范围（门诊、住院、门诊慢特病、生育、"
            + "异地就医直接结算；零售药店为药品零售、异地就医直接结算）、异地就医直接结算范围（可选，缺省省内异地和跨省异地）、"
            + "医疗机构等级（医疗机构必填）、注册地址、联系人姓名、联系人手机号；法定代表人、主要负责人、实际控制人、银行账户、"
            + "诊疗科目或经营范围可选。经办机构为编码所含行政区划的统筹地区。任何一条有问题的，一次性列出全部问题，均不导入；"
            + "再次导入同一编码（同一统一社会信用代码和协议编号）的不重复导入、不重复发布协议签订事件")
    @Access(value = Role.OPS, scopes = AgreementImports.SCOPE)
    public Mono<AgreementImports.Result> importAgreements(@RequestBody(required = false) ImportForm form, Caller caller) {
        return imports.importAll(form == null ? null : form.agreements(), caller);
    }
}
