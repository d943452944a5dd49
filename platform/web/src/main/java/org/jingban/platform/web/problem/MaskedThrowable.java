package org.jingban.platform.web.problem;

import org.jingban.platform.identifiers.Masking;

/**
 * A stand-in for an exception to log: same class name, stack and cause chain, message masked.
 * Exception messages often quote the input (an ID number in a "duplicate key" message, say),
 * and logs must never hold personal data unmasked.
 */
final class MaskedThrowable extends RuntimeException {

    private MaskedThrowable(String message, MaskedThrowable cause) {
        super(message, cause, false, true);
    }

    static MaskedThrowable of(Throwable original) {
        return of(original, 0);
    }

    private static MaskedThrowable of(Throwable original, int depth) {
        Throwable cause = original.getCause();
        MaskedThrowable maskedCause = cause == null || cause == original || depth > 10 ? null : of(cause, depth + 1);
        String message = original.getMessage() == null ? "" : ": " + Masking.maskText(original.getMessage());
        MaskedThrowable masked = new MaskedThrowable(original.getClass().getName() + message, maskedCause);
        masked.setStackTrace(original.getStackTrace());
        return masked;
    }

    @Override
    public String toString() {
        // the message already starts with the original class name
        return getMessage();
    }
}
