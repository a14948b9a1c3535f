package dev.coral.magics.magic;

import java.util.List;

import dev.coral.core.cli.UsageException;
import dev.coral.magics.lazy.ByteSize;
import dev.coral.core.result.CacheStats;
import dev.coral.magics.lazy.TensorCache;

/**
 * {@code %coral cache [--max SIZE] [--clear]}: the notebook-only verb that shows, bounds or empties the
 * tensor cache of lazy model views; always answers with the cache's {@link CacheStats}.
 */
final class CacheCommand {
    static final String VERB = "cache";
    static final String USAGE = "usage: %coral cache [--max SIZE] [--clear]   (SIZE like 512m or 2g)";
    static final List<String> OPTIONS = List.of("--max", "--clear", "--help");

    private CacheCommand() {
    }

    /** Runs the verb with the words after {@code cache}. */
    static Object run(List<String> args, TensorCache cache) {
        Long maximum = null;
        boolean clear = false;
        for (int i = 0; i < args.size(); i++) {
            String arg = args.get(i);
            if (arg.equals("--max")) {
                if (i + 1 >= args.size()) {
                    throw new UsageException("cache: --max needs a size, e.g. --max 2g; " + USAGE);
                }
                maximum = ByteSize.parse(args.get(++i));
            } else if (arg.startsWith("--max=")) {
                maximum = ByteSize.parse(arg.substring("--max=".length()));
            } else if (arg.equals("--clear")) {
                clear = true;
            } else if (arg.equals("--help") || arg.equals("-h")) {
                return USAGE;
            } else {
                throw new UsageException("cache: unknown argument '" + arg + "'; " + USAGE);
            }
        }
        if (maximum != null) {
            cache.setMaximumBytes(maximum);
        }
        if (clear) {
            cache.clear();
        }
        return cache.stats();
    }
}
