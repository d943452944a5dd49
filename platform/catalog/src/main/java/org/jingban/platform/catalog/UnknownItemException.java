package org.jingban.platform.catalog;

/** No item with this code is offered in the region. */
public class UnknownItemException extends RuntimeException {

    private final String itemCode;
    private final String regionCode;

    public UnknownItemException(String itemCode, String regionCode) {
        super("事项清单中没有事项“" + itemCode + "”（医保区划 " + regionCode + "）");
        this.itemCode = itemCode;
        this.regionCode = regionCode;
    }

    public String itemCode() {
        return itemCode;
    }

    public String regionCode() {
        return regionCode;
    }
}
