package org.jingban.platform.catalog;

import java.util.Map;

/**
 * 经办机构 handling items in a region.
 *
 * @param name               used as 【经办机构落款】
 * @param consultPhone       the office's consult phone, else {@code null}
 * @param consultPhoneByItem consult phones the guide prints for single items, by item name
 */
public record Office(String id, String name, String address, String hours, String consultPhone,
                     Map<String, String> consultPhoneByItem, String complaintPhone) {

    public Office {
        consultPhoneByItem = consultPhoneByItem == null ? Map.of() : Map.copyOf(consultPhoneByItem);
    }

    /** The phone to print for an item (its own where the guide gives one, else the office's; may be {@code null}). */
    public String consultPhoneFor(String itemName) {
        return consultPhoneByItem.getOrDefault(itemName, consultPhone);
    }
}
