package org.advising.eligibility.api;

import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.time.Duration;

/**
 * A batch's body with a deadline per line: the time spent waiting for bytes since the last newline
 * arrived may not pass the limit. Time the batch spends evaluating, while it reads nothing, does not
 * count, so a slow rulebase never cuts off a client that sends on time. {@link #overdue()} is asked
 * from another thread, which closes the connection; the blocked read then fails and the batch ends.
 */
final class LineDeadline extends FilterInputStream {

    private final long limitNanos;
    /** Time spent in read() since the last newline, not counting a read in progress. */
    private volatile long waitedNanos;
    /** When the read in progress started, or 0 outside read(). */
    private volatile long readingSince;

    LineDeadline(InputStream in, Duration limit) {
        super(in);
        this.limitNanos = limit.toNanos();
    }

    /** Whether the client has kept the batch waiting for its next line longer than the limit. */
    boolean overdue() {
        long since = readingSince;
        return waitedNanos + (since == 0 ? 0 : System.nanoTime() - since) > limitNanos;
    }

    @Override
    public int read() throws IOException {
        byte[] one = new byte[1];
        return read(one, 0, 1) < 0 ? -1 : one[0] & 0xff;
    }

    @Override
    public int read(byte[] buffer, int offset, int length) throws IOException {
        long started = System.nanoTime();
        readingSince = started;
        try {
            int read = super.read(buffer, offset, length);
            boolean newLine = false;
            for (int i = offset; i < offset + read && !newLine; i++) {
                newLine = buffer[i] == '\n';
            }
            waitedNanos = newLine ? 0 : waitedNanos + System.nanoTime() - started;
            return read;
        } finally {
            readingSince = 0;
        }
    }
}
