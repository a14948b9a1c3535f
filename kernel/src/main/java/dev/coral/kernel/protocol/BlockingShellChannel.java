package dev.coral.kernel.protocol;

import org.dflib.jjava.jupyter.channels.JupyterConnection;
import org.dflib.jjava.jupyter.channels.ShellChannel;
import org.dflib.jjava.jupyter.channels.ShellHandler;
import org.dflib.jjava.jupyter.channels.ShellReplyEnvironment;
import org.dflib.jjava.jupyter.kernel.KernelConnectionProperties;
import org.dflib.jjava.jupyter.messages.HMACGenerator;
import org.dflib.jjava.jupyter.messages.Message;
import org.dflib.jjava.jupyter.messages.request.ExecuteRequest;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.zeromq.ZMQ;

import java.util.ArrayList;
import java.util.List;

/**
 * A shell or control channel (a ROUTER socket) served by a thread that blocks in {@code poll} until a
 * request arrives, then handles it on the spot. jjava's own channel polls without waiting and sleeps
 * 50 ms between polls, which adds up to 50 ms to every request.
 *
 * <p>The socket is used by its serving thread only (ZeroMQ sockets are not thread-safe): the thread
 * reads requests, runs their handlers (which reply on this socket) and closes the socket when it stops.
 */
final class BlockingShellChannel extends ShellChannel {

    private static final Logger LOG = LoggerFactory.getLogger(BlockingShellChannel.class);
    /** How often the serving thread checks whether it must stop. */
    private static final int POLL_TIMEOUT_MS = 100;

    private final JupyterConnection connection;
    private final boolean control;
    private final Runnable onShutdownRequest;
    private volatile boolean serving;
    private volatile boolean abortQueuedExecutes;
    private Thread server;

    BlockingShellChannel(ZMQ.Context context, HMACGenerator hmac, boolean control, JupyterConnection connection,
            Runnable onShutdownRequest) {
        super(context, hmac, control, connection);
        this.connection = connection;
        this.control = control;
        this.onShutdownRequest = onShutdownRequest;
    }

    @Override
    public void bind(KernelConnectionProperties properties) {
        int port = control ? properties.getControlPort() : properties.getShellPort();
        String address = formatAddress(properties.getTransport(), properties.getIp(), port);
        if (!bind(address)) {
            throw new IllegalStateException("cannot bind the " + (control ? "control" : "shell") + " channel to " + address);
        }
        serving = true;
        server = new Thread(this::serve, control ? "jupyter-control" : "jupyter-shell");
        server.start();
    }

    private void serve() {
        try (ZMQ.Poller poller = ctx.poller(1)) {
            poller.register(this, ZMQ.Poller.POLLIN);
            while (serving) {
                if (poller.poll(POLL_TIMEOUT_MS) > 0 && poller.pollin(0)) {
                    handle(readMessage(), poller);
                }
            }
        } finally {
            super.close();
        }
    }

    /**
     * After the request being handled: answers the execute requests already waiting with
     * {@code aborted} instead of running them (Jupyter's {@code stop_on_error}, so "Run All" stops at a
     * failing cell); other waiting requests are handled as usual.
     */
    void abortQueuedExecutes() {
        abortQueuedExecutes = true;
    }

    private List<Message<?>> takeWaiting(ZMQ.Poller poller) {
        abortQueuedExecutes = false;
        List<Message<?>> waiting = new ArrayList<>();
        while (poller.poll(0) > 0 && poller.pollin(0)) {
            waiting.add(readMessage());
        }
        return waiting;
    }

    private void answerAbortingExecutes(List<Message<?>> waiting, ZMQ.Poller poller) {
        for (Message<?> message : waiting) {
            if (ExecuteRequest.MESSAGE_TYPE.equals(message.getHeader().getType())) {
                ShellReplyEnvironment env = connection.prepareReplyEnv(this, message);
                env.setBusyDeferIdle();
                env.defer().reply(new AbortedExecuteReply());
                env.resolveDeferrals();
            } else {
                handle(message, poller);
            }
        }
    }

    @SuppressWarnings({"unchecked", "rawtypes"})
    private void handle(Message message, ZMQ.Poller poller) {
        ShellHandler handler = connection.getHandler(message.getHeader().getType());
        if (handler == null) {
            LOG.warn("no handler for {} requests", message.getHeader().getType().getName());
            return;
        }
        ShellReplyEnvironment env = connection.prepareReplyEnv(this, message);
        try {
            handler.handle(env, message);
        } catch (RuntimeException e) {
            LOG.warn("handling {} failed", message.getHeader().getType().getName(), e);
        } finally {
            // Collect the queued requests before the failing cell's reply goes out: a request the client
            // sends after seeing that reply was not queued behind the failure and must run.
            List<Message<?>> queued = abortQueuedExecutes ? takeWaiting(poller) : List.of();
            env.resolveDeferrals();
            answerAbortingExecutes(queued, poller);
        }
        if (env.isMarkedForShutdown()) {
            serving = false;
            onShutdownRequest.run();
        }
    }

    /** Stops serving; the serving thread closes the socket. */
    @Override
    public void close() {
        serving = false;
    }

    @Override
    public void waitUntilClose() {
        Thread t = server;
        if (t == null || t == Thread.currentThread()) {
            return;
        }
        try {
            t.join();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
