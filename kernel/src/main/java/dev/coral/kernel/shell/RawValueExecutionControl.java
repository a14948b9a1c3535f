package dev.coral.kernel.shell;

import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;

import jdk.jshell.execution.DirectExecutionControl;

/**
 * Runs snippets in this JVM, each on its own thread of a {@link UserCodeRunner}, and keeps the raw
 * value (or exception) of the last one, which JShell itself only gives as a string.
 */
final class RawValueExecutionControl extends DirectExecutionControl {

    private final UserCodeRunner runner;
    private volatile Object lastValue;
    private volatile Throwable lastFailure;
    private volatile boolean lastStopped;

    RawValueExecutionControl(SnippetLoaderDelegate loaderDelegate, UserCodeRunner runner) {
        super(loaderDelegate);
        this.runner = runner;
    }

    @Override
    public String invoke(String className, String methodName)
            throws RunException, InternalException, EngineTerminationException {
        forgetLastRun();
        Method doIt;
        try {
            doIt = findClass(className).getDeclaredMethod(methodName);
            doIt.setAccessible(true);
        } catch (ReflectiveOperationException | LinkageError e) {
            throw new InternalException("cannot find snippet method " + className + "." + methodName + ": " + e);
        }
        UserCodeRunner.Outcome outcome = runner.run(() -> doIt.invoke(null));
        if (outcome instanceof UserCodeRunner.Returned returned) {
            lastValue = returned.value();
            return valueString(returned.value());
        }
        if (outcome instanceof UserCodeRunner.Stopped) {
            lastStopped = true;
            throw new StoppedException();
        }
        Throwable thrown = ((UserCodeRunner.Threw) outcome).exception();
        Throwable userException = thrown instanceof InvocationTargetException && thrown.getCause() != null
                ? thrown.getCause() : thrown;
        lastFailure = userException;
        throw new UserException(String.valueOf(userException.getMessage()), userException.getClass().getName(),
                userException.getStackTrace());
    }

    /** The value the last snippet returned ({@code null} for none). */
    Object lastValue() {
        return lastValue;
    }

    /** Clears what the last snippet left: value, exception, stop. */
    void forgetLastRun() {
        lastValue = null;
        lastFailure = null;
        lastStopped = false;
    }

    /** Whether the last snippet was stopped by an interrupt. */
    boolean wasStopped() {
        return lastStopped;
    }

    /** The exception the last snippet threw, exactly as thrown, or {@code null}. */
    Throwable lastFailure() {
        return lastFailure;
    }
}
