package dev.coral.kernel.protocol;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;

import org.dflib.jjava.jupyter.channels.ShellReplyEnvironment;
import org.dflib.jjava.jupyter.kernel.BaseKernel;
import org.dflib.jjava.jupyter.kernel.JupyterIO;
import org.dflib.jjava.jupyter.kernel.LanguageInfo;
import org.dflib.jjava.jupyter.kernel.ReplacementOptions;
import org.dflib.jjava.jupyter.kernel.comm.CommManager;
import org.dflib.jjava.jupyter.kernel.display.DisplayData;
import org.dflib.jjava.jupyter.kernel.display.Renderer;
import org.dflib.jjava.jupyter.kernel.magic.MagicsRegistry;
import org.dflib.jjava.jupyter.kernel.util.StringStyler;
import org.dflib.jjava.jupyter.messages.Message;
import org.dflib.jjava.jupyter.messages.publish.PublishError;
import org.dflib.jjava.jupyter.messages.publish.PublishExecuteInput;
import org.dflib.jjava.jupyter.messages.publish.PublishExecuteResult;
import org.dflib.jjava.jupyter.messages.reply.ErrorReply;
import org.dflib.jjava.jupyter.messages.reply.ExecuteReply;
import org.dflib.jjava.jupyter.messages.request.ExecuteRequest;

import dev.coral.kernel.CellResult;
import dev.coral.kernel.CodeIntelligence;
import dev.coral.kernel.ErrorReport;
import dev.coral.kernel.KernelSession;

/**
 * The Jupyter face of a {@link KernelSession}: jjava's {@link BaseKernel} answers kernel_info,
 * history, comm, shutdown and interrupt requests and calls {@link #complete}, {@link #inspect} and
 * {@link #isComplete}; execute requests are handled here so that output, results and errors come from
 * the session exactly (the user's exception class, compile positions, display ids).
 */
public final class CoralKernel extends BaseKernel {

    private static final String VERSION = "0.1.0";

    /** jjava formats errors with it; this kernel formats its own ({@link ErrorReport}). */
    private static final StringStyler UNUSED_STYLER = new StringStyler("", "", "", line -> "");

    private final CompletableFuture<KernelSession> starting;

    /**
     * @param starting the session, possibly still starting: the kernel answers kernel_info at once and
     *        requests that need the session wait for it
     */
    public CoralKernel(CompletableFuture<KernelSession> starting) {
        super("coral-java", VERSION,
                // name, version, MIME type, file extension, Pygments lexer, CodeMirror mode, nbconvert exporter
                new LanguageInfo("java", Runtime.version().toString(), "text/x-java-source", ".jshell", "java",
                        "text/x-java", "script"),
                List.of(), new CellHistory(), new JupyterIO(StandardCharsets.UTF_8), new CommManager(), new Renderer(), null,
                new MagicsRegistry(), false, UNUSED_STYLER);
        this.starting = starting;
    }

    private KernelSession session() {
        return starting.join();
    }

    @Override
    public String getBanner() {
        return "Java " + Runtime.version() + " (JShell) — Coral kernel " + VERSION;
    }

    @Override
    protected synchronized void handleExecuteRequest(ShellReplyEnvironment env, Message<ExecuteRequest> message) {
        commManager.setMessageContext(message);
        ExecuteRequest request = message.getContent();
        int count = request.isSilent() ? executionCount.get() : executionCount.getAndIncrement();
        env.setBusyDeferIdle();
        env.publish(new PublishExecuteInput(request.getCode(), count));
        if (request.shouldStoreHistory()) {
            ((CellHistory) historyManager).record(count, request.getCode());
        }
        CellResult result = session().execute(request.getCode(), count, new IOPubSink(env));
        if (result instanceof CellResult.Success success) {
            success.value().ifPresent(value ->
                    env.publish(new PublishExecuteResult(count, IOPubSink.displayData(value, null))));
            env.defer().reply(new ExecuteReply(count, Map.of()));
        } else {
            ErrorReport error = ((CellResult.Failure) result).error();
            env.publish(new PublishError(error.name(), error.message(), error.traceback()));
            ErrorReply reply = new ErrorReply(error.name(), error.message(), error.traceback());
            reply.setExecutionCount(count);
            env.defer().replyError(ExecuteRequest.MESSAGE_TYPE.error(), reply);
        }
    }

    /** Evaluates a Java expression in the session (jjava's hook for programmatic evaluation). */
    @Override
    public Object evalRaw(String expression) {
        try {
            return session().evaluate(expression);
        } catch (RuntimeException e) {
            throw e;
        } catch (Exception e) {
            throw new IllegalStateException("evaluating '" + expression + "' failed: " + e, e);
        }
    }

    @Override
    public ReplacementOptions complete(String code, int cursor) {
        CodeIntelligence.Completion completion = session().intelligence().complete(code, cursor);
        return new ReplacementOptions(completion.matches(), completion.start(), completion.end());
    }

    @Override
    public DisplayData inspect(String code, int cursor, boolean extraDetail) {
        return session().intelligence().inspect(code, cursor).map(DisplayData::new).orElse(null);
    }

    @Override
    public String isComplete(String code) {
        return session().intelligence().isComplete(code);
    }

    @Override
    public void interrupt() {
        starting.thenAccept(KernelSession::interrupt);
    }

    @Override
    public void onShutdown(boolean restart) {
        super.onShutdown(restart);
        starting.thenAccept(KernelSession::close);
    }
}
