package org.jingban.transfer.continuation;

import java.util.List;

import org.jingban.platform.cases.StageInsertion;
import org.jingban.platform.cases.StageKind;
import org.jingban.platform.cases.StageSpec;
import org.jingban.platform.catalog.ItemDefinition;
import org.jingban.platform.catalog.StageLimit;

/**
 * The stages of 622036003002 with their own clocks (Gansu checklist, catalog stageLimits): 联系函 within 5 working
 * days of 受理, 信息表 and funds within 10 of the 联系函, the 转入地 within 5 of receiving both. Inserted before 审核
 * (before 办结 where the chain has no 审核); 转入地办结 is named as in the catalog but is item work, not the final 办结.
 */
public final class TransferStages {

    public static final String ITEM_CODE = "622036003002";
    public static final String LETTER = "转入地生成并发出《联系函》";
    public static final String SHEET = "转出地生成、发出《信息表》并划转资金";
    public static final String RECEIVE = "转入地办结";
    public static final String REVIEW = "审核";

    private TransferStages() {
    }

    public static StageInsertion insertion(ItemDefinition item) {
        String before = item.steps().contains(REVIEW) ? REVIEW : "办结";
        return StageInsertion.before(before,
                new StageSpec(LETTER, StageKind.OTHER, limit(item, LETTER, 5)),
                new StageSpec(SHEET, StageKind.OTHER, limit(item, SHEET, 10)),
                new StageSpec(RECEIVE, StageKind.OTHER, limit(item, RECEIVE, 5)));
    }

    static int limit(ItemDefinition item, String stage, int fallback) {
        List<StageLimit> limits = item.stageLimits();
        return limits.stream().filter(l -> stage.equals(l.stage()) && l.workingDays() != null)
                .map(StageLimit::workingDays).findFirst().orElse(fallback);
    }
}
