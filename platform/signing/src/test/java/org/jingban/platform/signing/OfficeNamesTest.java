package org.jingban.platform.signing;

import static org.assertj.core.api.Assertions.assertThat;

import org.jingban.platform.catalog.Catalog;
import org.junit.jupiter.api.Test;

/** The office that seals for a region, named as its certificate, its seals and its documents name it. */
class OfficeNamesTest {

    final OfficeNames names = new OfficeNames(Catalog.load());

    @Test
    void a_region_with_its_own_office_in_the_catalog_is_that_office() {
        assertThat(names.name("620600")).isEqualTo("武威市医疗保障局（市医保局窗口）");
        assertThat(names.ownOffice("620600")).isPresent();
    }

    @Test
    void a_region_without_one_is_named_from_the_divisions_not_after_its_province() {
        // Lanzhou's layer would inherit 甘肃省医疗保障局: its documents are the city office's
        assertThat(names.ownOffice("620100")).isEmpty();
        assertThat(names.name("620100")).isEqualTo("兰州市医疗保障经办机构");
        assertThat(names.name("620000")).isEqualTo("甘肃省医疗保障经办机构");
        // a region the catalog has no layer for
        assertThat(names.name("110000")).isEqualTo("北京市医疗保障经办机构");
    }
}
