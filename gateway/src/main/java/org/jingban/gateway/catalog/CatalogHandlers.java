package org.jingban.gateway.catalog;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.util.List;
import org.jingban.platform.catalog.Catalog;
import org.jingban.platform.catalog.ItemDefinition;
import org.jingban.platform.identifiers.Divisions;
import org.jingban.platform.web.problem.ProblemException;
import org.jingban.platform.web.problem.Violation;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * The service guide (办事指南) of every item, public so that the portal and the mini programs can
 * show it: name, service, materials, required fields, time limits, steps, templates, and the office
 * of the region asked for.
 */
@RestController
@RequestMapping("/api/v1/catalog")
@Tag(name = "事项清单", description = "办事指南：事项、材料、必填项、时限、环节、消息模板、经办机构")
public class CatalogHandlers {

    private final Catalog catalog;

    public CatalogHandlers(Catalog catalog) {
        this.catalog = catalog;
    }

    @GetMapping("/items")
    @Operation(summary = "事项清单",
            description = "不带 region 时列出目录中的全部事项；带 region（6位医保区划）时列出该统筹地区可办的事项，按该地区的清单解析。")
    public ItemList items(@Parameter(description = "6位医保区划代码，如 620600") @RequestParam(required = false) String region) {
        if (region == null) {
            return new ItemList(null, catalog.items().stream().map(ItemSummary::of).toList());
        }
        checkRegion(region);
        return new ItemList(region, catalog.items(region).stream().map(ItemSummary::of).toList());
    }

    @GetMapping("/items/{code}")
    @Operation(summary = "事项办事指南",
            description = "一个事项在某统筹地区的完整办事指南；不带 region 时按省级默认清单（620000 甘肃省）解析。")
    public ItemDefinition item(@Parameter(description = "子项编码，如 622036003002；本地事项如 local:songpan:参保人员电话号码新增和更改")
                               @PathVariable String code,
                               @Parameter(description = "6位医保区划代码，如 620600") @RequestParam(required = false) String region) {
        String resolvedRegion = region == null ? catalog.defaultRegion() : region;
        checkRegion(resolvedRegion);
        return catalog.find(code, resolvedRegion).orElseThrow(() -> ProblemException.notFound(
                "事项 " + code + " 在医保区划 " + resolvedRegion + " 不可办理或不存在"));
    }

    private static void checkRegion(String region) {
        if (!Divisions.isKnownRegionCode(region)) {
            throw ProblemException.validation(List.of(new Violation("region", "region-code.unknown",
                    "医保区划代码“" + region + "”不存在，应为6位行政区划代码，如 620600")));
        }
    }

    /** The list answer: the region it was resolved for (null = the whole catalog) and the items. */
    public record ItemList(String region, int total, List<ItemSummary> items) {
        ItemList(String region, List<ItemSummary> items) {
            this(region, items.size(), items);
        }
    }

    /** One line of the list; the detail endpoint has everything. */
    public record ItemSummary(String code, String name, String mainItemCode, String mainItemName, String service,
                              String kind, Integer promisedWorkingDays, String timeLimit, String riskLevel,
                              List<String> steps) {
        static ItemSummary of(ItemDefinition item) {
            return new ItemSummary(item.code(), item.name(), item.mainItemCode(), item.mainItemName(), item.service(),
                    item.kind() == null ? null : item.kind().name(),
                    item.timeLimit() == null ? null : item.timeLimit().workingDays(),
                    item.timeLimit() == null ? null : item.timeLimit().text(),
                    item.riskLevel() == null ? null : item.riskLevel().label(),
                    item.steps());
        }
    }
}
