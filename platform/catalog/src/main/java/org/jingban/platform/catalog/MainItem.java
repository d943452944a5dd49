package org.jingban.platform.catalog;

import java.util.List;

/** 主项 of a provincial checklist, with its 子项 codes in order. */
public record MainItem(String code, String name, int seq, String service, List<String> subItems) {

    public MainItem {
        subItems = subItems == null ? List.of() : List.copyOf(subItems);
    }
}
