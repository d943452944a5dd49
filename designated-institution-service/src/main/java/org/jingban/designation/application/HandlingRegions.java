package org.jingban.designation.application;

import java.util.List;

import org.jingban.platform.identifiers.Divisions;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * Which 经办机构 (医保区划) handles an institution at a practice address: the 统筹地区, i.e. the city (地级, 市级统筹) of the
 * address, except in the counties listed in {@code jingban.designation.county-offices} whose own office handles 定点
 * (松潘 513224, whose guide lists these items). Staff tokens serve these codes.
 */
@Component
public class HandlingRegions {

    private final List<String> countyOffices;

    public HandlingRegions(@Value("${jingban.designation.county-offices:513224}") List<String> countyOffices) {
        this.countyOffices = List.copyOf(countyOffices);
    }

    public String of(String divisionCode) {
        if (countyOffices.contains(divisionCode)) {
            return divisionCode;
        }
        return Divisions.cityCode(divisionCode).orElse(divisionCode);
    }
}
