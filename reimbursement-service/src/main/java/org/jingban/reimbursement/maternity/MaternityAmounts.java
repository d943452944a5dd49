package org.jingban.reimbursement.maternity;

import java.util.List;
import java.util.Optional;

import org.jingban.platform.money.Money;
import org.jingban.reimbursement.claim.Bills;
import org.springframework.stereotype.Component;

/**
 * What a 生育保险 item pays, by the region's standards ({@link MaternityProperties}, example defaults): 产前检查 and
 * 计划生育 and 生育医疗费 the bill's 甲类 and 乙类 lines up to the standard of the service (丙类 and 自费 are the
 * person's); 生育津贴 by {@link Allowance}.
 */
@Component
public class MaternityAmounts {

    private final MaternityProperties properties;

    public MaternityAmounts(MaternityProperties properties) {
        this.properties = properties;
    }

    /** The amount; empty when the region has no standard for the 分娩方式 or 手术项目 applied for. */
    public Optional<Money> amount(MaternityKind kind, MaternityForm form, String region) {
        return switch (kind) {
            case PRENATAL -> Optional.of(Bills.covered(form.lines()).min(properties.getPrenatalCap()));
            case DELIVERY -> Optional.ofNullable(properties.getDeliveryCaps().get(form.delivery()))
                    .map(cap -> Bills.covered(form.lines()).min(cap));
            case FAMILY_PLANNING -> Optional.ofNullable(properties.getFamilyPlanningCaps().get(form.operation()))
                    .map(cap -> Bills.covered(form.lines()).min(cap));
            case ALLOWANCE -> Optional.of(Allowance.amount(Money.parse(form.unitAverageWage()),
                    properties.getDaysPerMonth(), days(form)));
        };
    }

    public int days(MaternityForm form) {
        return Allowance.days(properties, Boolean.TRUE.equals(form.dystocia()), form.babies() == null ? 1 : form.babies(),
                form.miscarriageMonths());
    }

    /** The services the region has a standard for (for the refusal's text). */
    List<String> standards(MaternityKind kind, String region) {
        return List.copyOf((kind == MaternityKind.DELIVERY ? properties.getDeliveryCaps()
                : properties.getFamilyPlanningCaps()).keySet());
    }
}
