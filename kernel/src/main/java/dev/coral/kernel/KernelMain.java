package dev.coral.kernel;

import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;

import org.dflib.jjava.jupyter.kernel.KernelConnectionProperties;

import dev.coral.kernel.protocol.CoralKernel;
import dev.coral.kernel.protocol.LowLatencyConnection;

/**
 * Starts the kernel: {@code java -jar coral-kernel.jar [--ext DIR]... CONNECTION_FILE}.
 *
 * <p>Extension jars come from each {@code --ext} directory (every {@code *.jar} in it; the kernelspec
 * passes {@code {resource_dir}/ext}) and from {@code CORAL_KERNEL_CLASSPATH} (jars, directories or
 * globs, separated by the platform's path separator). They are put on the notebook's class path
 * before their extensions are discovered.
 */
public final class KernelMain {

    private KernelMain() {
    }

    public static void main(String[] args) throws Exception {
        List<Path> extensionJars = new ArrayList<>();
        Path connectionFile = null;
        for (int i = 0; i < args.length; i++) {
            if (args[i].equals("--ext") && i + 1 < args.length) {
                Path dir = Path.of(args[++i]);
                if (Files.isDirectory(dir)) {
                    extensionJars.addAll(ClasspathSpec.resolve(dir.toString(), true));
                }
            } else if (connectionFile == null) {
                connectionFile = Path.of(args[i]);
            } else {
                usage("unexpected argument " + args[i]);
            }
        }
        if (connectionFile == null) {
            usage("missing the connection file");
        }
        extensionJars.addAll(fromEnvironment(System.getenv("CORAL_KERNEL_CLASSPATH")));

        ParentWatchdog.watch(System.getenv("JPY_PARENT_PID"), () -> Runtime.getRuntime().halt(0));
        KernelConnectionProperties properties = KernelConnectionProperties.parse(Files.readString(connectionFile));
        // The sockets are bound first, so Jupyter sees the kernel ready at once; JShell starts next,
        // while Jupyter connects, and the first requests that need it wait for it.
        CompletableFuture<KernelSession> session = new CompletableFuture<>();
        CoralKernel kernel = new CoralKernel(session);
        LowLatencyConnection connection = new LowLatencyConnection(properties);
        kernel.becomeHandlerForConnection(connection);
        kernel.onStartup();
        connection.connect();
        startSession(extensionJars, session);
        connection.waitUntilClose();
        System.exit(0);
    }

    private static void startSession(List<Path> extensionJars, CompletableFuture<KernelSession> session) {
        Thread starter = new Thread(() -> {
            try {
                session.complete(KernelSession.start(extensionJars));
            } catch (RuntimeException | LinkageError e) {
                session.completeExceptionally(e);
                System.err.println("coral-kernel: the Java session could not start: " + e);
                Runtime.getRuntime().halt(1);
            }
        }, "session-starter");
        starter.setDaemon(true);
        starter.start();
    }

    private static List<Path> fromEnvironment(String classpath) throws IOException {
        List<Path> entries = new ArrayList<>();
        if (classpath == null) {
            return entries;
        }
        for (String spec : classpath.split(File.pathSeparator)) {
            if (!spec.isBlank()) {
                entries.addAll(ClasspathSpec.resolve(spec, true));
            }
        }
        return entries;
    }

    private static void usage(String problem) {
        System.err.println("coral-kernel: " + problem);
        System.err.println("usage: java -jar coral-kernel.jar [--ext DIR]... CONNECTION_FILE");
        System.exit(2);
    }
}
