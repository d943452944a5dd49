package org.jingban.platform.cases;

import java.time.Instant;
import java.time.LocalDate;

/**
 * One stage (环节) of a case's chain. The chain is copied from the catalog item at submission
 * ({@code inserted == false}); services may add their own ({@code inserted == true}). A stage
 * with a limit has its own clock, started when the stage becomes current.
 */
public record Stage(String name, StageKind kind, State state, Integer limitWorkingDays, ClockRecord clock,
                    String actorId, ActorRole actorRole, Instant completedAt, boolean inserted) {

    public enum State {
        PENDING, CURRENT, DONE,
        /** the case ended (不予受理, 未通过, 撤回) before this stage was done */
        STOPPED
    }

    public static Stage pending(StageSpec spec, boolean inserted) {
        return new Stage(spec.name(), spec.kind(), State.PENDING, spec.limitWorkingDays(), null, null, null, null, inserted);
    }

    Stage start(LocalDate on) {
        ClockRecord started = limitWorkingDays == null ? null : ClockRecord.start(on, limitWorkingDays);
        return new Stage(name, kind, State.CURRENT, limitWorkingDays, started, null, null, null, inserted);
    }

    Stage done(CaseActor actor, Instant at, LocalDate on) {
        ClockRecord finished = clock == null ? null : clock.complete(on);
        return new Stage(name, kind, State.DONE, limitWorkingDays, finished, actor.id(), actor.role(), at, inserted);
    }

    Stage stopped(LocalDate on) {
        ClockRecord finished = clock == null ? null : clock.complete(on);
        return new Stage(name, kind, State.STOPPED, limitWorkingDays, finished, actorId, actorRole, completedAt, inserted);
    }

    Stage withClock(ClockRecord changed) {
        return new Stage(name, kind, state, limitWorkingDays, changed, actorId, actorRole, completedAt, inserted);
    }

    public boolean done() {
        return state == State.DONE;
    }
}
