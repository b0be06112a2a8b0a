package org.advising.eligibility.ops;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.logging.Handler;
import java.util.logging.LogRecord;
import java.util.logging.Logger;

/** Collects the messages written to the audit log category while attached. */
final class AuditLines extends Handler implements AutoCloseable {

    private final List<String> lines = new CopyOnWriteArrayList<>();

    private AuditLines() {
    }

    static AuditLines capture() {
        AuditLines capture = new AuditLines();
        Logger.getLogger(DecisionAudit.CATEGORY).addHandler(capture);
        return capture;
    }

    List<String> lines() {
        return lines;
    }

    @Override
    public void publish(LogRecord record) {
        lines.add(record.getMessage());
    }

    @Override
    public void flush() {
    }

    @Override
    public void close() {
        Logger.getLogger(DecisionAudit.CATEGORY).removeHandler(this);
    }
}
