package dev.coral.kernel.protocol;

import java.security.InvalidKeyException;
import java.security.NoSuchAlgorithmException;
import java.util.concurrent.CountDownLatch;

import org.dflib.jjava.jupyter.channels.JupyterConnection;
import org.dflib.jjava.jupyter.kernel.KernelConnectionProperties;
import org.zeromq.ZMQ;

/**
 * jjava's connection with the shell and control channels replaced by {@link BlockingShellChannel}s,
 * so a request is handled as soon as it arrives. Heartbeat, IOPub and stdin stay jjava's.
 */
public final class LowLatencyConnection extends JupyterConnection {

    private final KernelConnectionProperties properties;
    private final ZMQ.Context channelContext = ZMQ.context(1);
    private final BlockingShellChannel fastShell;
    private final BlockingShellChannel fastControl;
    private final CountDownLatch closed = new CountDownLatch(1);

    public LowLatencyConnection(KernelConnectionProperties properties)
            throws NoSuchAlgorithmException, InvalidKeyException {
        super(properties);
        this.properties = properties;
        Runnable closeLater = () -> new Thread(this::close, "jupyter-shutdown").start();
        this.fastShell = new BlockingShellChannel(channelContext, properties.createHMACGenerator(), false, this, closeLater);
        this.fastControl = new BlockingShellChannel(channelContext, properties.createHMACGenerator(), true, this, closeLater);
    }

    @Override
    public void connect() {
        heartbeat.bind(properties);
        iopub.bind(properties);
        stdin.bind(properties);
        fastShell.bind(properties);
        fastControl.bind(properties);
    }

    /** Answers the execute requests already waiting on the shell channel with {@code aborted}. */
    public void abortQueuedExecutes() {
        fastShell.abortQueuedExecutes();
    }

    /** Stops the channels and releases the sockets; returns once they are closed. */
    @Override
    public synchronized void close() {
        if (closed.getCount() == 0) {
            return;
        }
        fastShell.close();
        fastControl.close();
        fastShell.waitUntilClose();
        fastControl.waitUntilClose();
        channelContext.close();
        super.close();
        closed.countDown();
    }

    @Override
    public void waitUntilClose() {
        try {
            closed.await();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
