package org.jingban.platform.catalog;

/**
 * A clock on one stage of an item (e.g. 转移接续: 转入地生成并发出《联系函》 within 5 working days of acceptance).
 *
 * @param stage       the stage as printed
 * @param workingDays the number of working days printed, else {@code null}
 * @param text        the limit as printed (it says from when the clock runs)
 * @param source      the source key: gansu, national, wuwei …
 */
public record StageLimit(String stage, Integer workingDays, String text, String source) {
}
