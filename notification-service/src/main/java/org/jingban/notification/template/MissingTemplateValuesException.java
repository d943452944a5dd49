package org.jingban.notification.template;

import java.util.List;

/** A template cannot be filled: the event lacks values (e.g. 报销金额) or the catalog entry is inconsistent. */
public class MissingTemplateValuesException extends RuntimeException {

    private final List<String> missing;

    public MissingTemplateValuesException(List<String> missing, String message) {
        super(message);
        this.missing = List.copyOf(missing);
    }

    public List<String> missing() {
        return missing;
    }
}
