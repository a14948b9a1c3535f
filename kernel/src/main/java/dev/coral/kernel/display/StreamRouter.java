package dev.coral.kernel.display;

import java.io.InputStream;
import java.io.OutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

/**
 * Sends {@code System.out} and {@code System.err} of every thread to the notebook. Text is collected
 * and sent every few milliseconds while a cell runs (so a loop printing a million lines sends a few
 * hundred messages, not a million), and at once when {@link #drain()} is called. Text written before
 * the first cell (extension failures at start) waits for that cell.
 */
public final class StreamRouter implements AutoCloseable {

    private static final long SEND_INTERVAL_MS = 20;

    private final PrintStream originalOut;
    private final PrintStream originalErr;
    private final InputStream originalIn;
    private final Channel out = new Channel("stdout");
    private final Channel err = new Channel("stderr");
    private final ScheduledExecutorService sender = Executors.newSingleThreadScheduledExecutor(r -> {
        Thread t = new Thread(r, "notebook-stream-sender");
        t.setDaemon(true);
        return t;
    });
    private volatile OutputSink sink;

    private StreamRouter() {
        this.originalOut = System.out;
        this.originalErr = System.err;
        this.originalIn = System.in;
    }

    /**
     * Replaces {@code System.out} and {@code System.err} with streams to the notebook, and
     * {@code System.in} with an empty stream (a cell reading it sees the end at once instead of
     * waiting forever on the kernel process's stdin).
     */
    public static StreamRouter install() {
        StreamRouter router = new StreamRouter();
        System.setIn(InputStream.nullInputStream());
        System.setOut(new PrintStream(router.out, true, StandardCharsets.UTF_8));
        System.setErr(new PrintStream(router.err, true, StandardCharsets.UTF_8));
        router.sender.scheduleWithFixedDelay(router::drain, SEND_INTERVAL_MS, SEND_INTERVAL_MS, TimeUnit.MILLISECONDS);
        return router;
    }

    /**
     * Sends output to {@code target} from now on. The previous target keeps what was written before;
     * output of threads a cell left running goes to the cell that runs now.
     */
    public void attach(OutputSink target) {
        drain();
        this.sink = target;
    }

    /** Sends everything written so far. */
    public void drain() {
        out.sendPending();
        err.sendPending();
    }

    @Override
    public void close() {
        sender.shutdownNow();
        drain();
        System.setOut(originalOut);
        System.setErr(originalErr);
        System.setIn(originalIn);
    }

    /** One stream: bytes collected until sent, cut at UTF-8 character boundaries. */
    private final class Channel extends OutputStream {
        private final String name;
        private final Object sendLock = new Object();
        private byte[] buffer = new byte[256];
        private int length;

        Channel(String name) {
            this.name = name;
        }

        @Override
        public synchronized void write(int b) {
            ensure(1);
            buffer[length++] = (byte) b;
        }

        @Override
        public synchronized void write(byte[] bytes, int offset, int count) {
            ensure(count);
            System.arraycopy(bytes, offset, buffer, length, count);
            length += count;
        }

        private void ensure(int extra) {
            if (length + extra > buffer.length) {
                buffer = Arrays.copyOf(buffer, Math.max(buffer.length * 2, length + extra));
            }
        }

        /** Sends what was written; one sender at a time, so chunks keep their order. */
        void sendPending() {
            synchronized (sendLock) {
                OutputSink target = sink;
                if (target == null) {
                    return;
                }
                String text;
                synchronized (this) {
                    int complete = completeCharsLength();
                    if (complete == 0) {
                        return;
                    }
                    text = new String(buffer, 0, complete, StandardCharsets.UTF_8);
                    System.arraycopy(buffer, complete, buffer, 0, length - complete);
                    length -= complete;
                }
                target.stream(name, text);
            }
        }

        /** The length of the buffer without a trailing, partly written UTF-8 character. */
        private int completeCharsLength() {
            for (int back = 1; back <= Math.min(3, length); back++) {
                int b = buffer[length - back] & 0xFF;
                if ((b & 0xC0) != 0x80) {
                    int needed = b >= 0xF0 ? 4 : b >= 0xE0 ? 3 : b >= 0xC0 ? 2 : 1;
                    return needed > back ? length - back : length;
                }
            }
            return length;
        }
    }
}
