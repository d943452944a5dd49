package org.jingban.enrollment.transfer;

import java.time.Instant;
import java.util.List;

import org.jingban.enrollment.api.TransferHooks;
import org.jingban.platform.cases.Reason;
import org.jingban.platform.messaging.AggregateDocument;
import org.jingban.platform.messaging.OutboxEvent;
import org.springframework.data.mongodb.core.mapping.Document;

/**
 * A transfer command from Kafka that could not be applied (e.g. the person is not insured there): kept once per
 * command event, carrying the {@code transfer-hook.refused} event to transfer-service in its outbox.
 */
@Document("transfer_hook_refusals")
public class TransferHookRefusal extends AggregateDocument {

    private String transferId;
    private String commandType;
    private List<Reason> reasons;
    private Instant at;

    TransferHookRefusal() {
    }

    static TransferHookRefusal of(String commandEventId, String transferId, String commandType, List<Reason> reasons,
                                  String regionCode, Instant at) {
        TransferHookRefusal r = new TransferHookRefusal();
        r.id = commandEventId;
        r.transferId = transferId;
        r.commandType = commandType;
        r.reasons = reasons;
        r.at = at;
        r.enqueue(OutboxEvent.of(TransferHooks.REFUSED, transferId == null ? commandEventId : transferId, regionCode,
                new TransferHooks.Refused(transferId, commandType, reasons)));
        return r;
    }

    public String getTransferId() { return transferId; }
    public String getCommandType() { return commandType; }
    public List<Reason> getReasons() { return reasons; }
    public Instant getAt() { return at; }
}
