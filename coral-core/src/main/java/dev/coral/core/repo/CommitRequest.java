package dev.coral.core.repo;

import dev.coral.core.error.InvalidInputException;

import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Everything about a commit except its tensors: message, author, metrics, target branch and, for a
 * merge, the extra parents.
 *
 * <pre>{@code
 * session.commit(CommitRequest.of("epoch 3")
 *         .withAuthor("ada")
 *         .withMetric("acc", 0.931)
 *         .onBranch("exp/lr-3e-4"));
 * }</pre>
 *
 * @param message      the commit message (not blank)
 * @param author       who commits; null for the repository's {@code user.name} setting or the OS user
 * @param metrics      numeric metrics ({@code acc=0.93}); names are non-blank and values finite
 * @param branch       the branch to commit on; null for the session's branch (HEAD's branch by default)
 * @param extraParents refs of further parents after the branch tip (a merge commit); empty for a normal commit
 */
public record CommitRequest(String message, String author, Map<String, Double> metrics, String branch,
                            List<String> extraParents) {
    public CommitRequest {
        if (message == null || message.isBlank()) {
            throw new InvalidInputException("commit message is empty; say what changed (-m \"...\")");
        }
        metrics = Collections.unmodifiableMap(new TreeMap<>(Metrics.check(metrics == null ? Map.of() : metrics)));
        extraParents = extraParents == null ? List.of() : List.copyOf(extraParents);
    }

    /** A request with only a message. */
    public static CommitRequest of(String message) {
        return new CommitRequest(message, null, Map.of(), null, List.of());
    }

    public CommitRequest withAuthor(String newAuthor) {
        return new CommitRequest(message, newAuthor, metrics, branch, extraParents);
    }

    /** This request with all of {@code more} added to its metrics. */
    public CommitRequest withMetrics(Map<String, Double> more) {
        Map<String, Double> all = new TreeMap<>(metrics);
        all.putAll(more);
        return new CommitRequest(message, author, all, branch, extraParents);
    }

    public CommitRequest withMetric(String name, double value) {
        return withMetrics(Map.of(name, value));
    }

    /** This request committing on {@code targetBranch} (created if it does not exist yet). */
    public CommitRequest onBranch(String targetBranch) {
        return new CommitRequest(message, author, metrics, targetBranch, extraParents);
    }

    /** This request making a merge commit whose further parents are {@code refs}. */
    public CommitRequest withExtraParents(List<String> refs) {
        return new CommitRequest(message, author, metrics, branch, refs);
    }
}
