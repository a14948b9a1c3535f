package dev.coral.core.repo;

import dev.coral.core.error.InvalidInputException;
import dev.coral.core.error.NotFoundException;
import dev.coral.core.id.ObjectId;
import dev.coral.core.meta.Head;
import dev.coral.core.meta.RefTable;
import dev.coral.core.meta.ReflogTable;
import dev.coral.core.meta.TagRecord;
import dev.coral.core.names.RefNames;
import dev.coral.core.result.BranchInfo;
import dev.coral.core.result.CheckoutResult;
import dev.coral.core.result.ReflogEntry;
import dev.coral.core.result.ReflogResult;
import dev.coral.core.result.TagInfo;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * The verbs that move refs: checkout, branch and tag creation and deletion, and the reflog that records
 * them. Each mutation is one transaction that checks what it changes and appends to the reflog; a branch
 * and a tag never share a name, so every ref resolves one way.
 */
final class RefCommands {
    private final Stores stores;
    private final RefResolver resolver;
    private final Settings settings;

    RefCommands(Stores stores, RefResolver resolver, Settings settings) {
        this.stores = stores;
        this.resolver = resolver;
        this.settings = settings;
    }

    CheckoutResult checkout(String ref) {
        if (ref == null || ref.isBlank()) {
            throw new InvalidInputException("checkout needs a branch, tag or commit");
        }
        return stores.db.write(c -> {
            Head before = RefTable.head(c);
            ObjectId previous = before.isDetached() ? before.detached() : RefTable.branch(c, before.branch());
            ObjectId branchTip = RefTable.branch(c, ref);
            boolean toBranch = branchTip != null || ref.equals(before.branch());
            ObjectId commit = toBranch ? branchTip : resolver.resolve(c, ref);
            Head after = toBranch ? new Head(ref, null) : new Head(null, commit);
            RefTable.setHead(c, after);
            String from = before.isDetached() ? before.detached().shortHex() : before.branch();
            ReflogTable.append(c, "HEAD", previous, commit, System.currentTimeMillis(),
                    "checkout: moving from " + from + " to " + ref);
            return new CheckoutResult(after.branch(), commit, after.isDetached(), before.branch(), previous);
        });
    }

    BranchInfo createBranch(String name, String startRef) {
        RefNames.check(name, "branch");
        String start = startRef == null ? "HEAD" : startRef;
        return stores.db.write(c -> {
            if (RefTable.branch(c, name) != null) {
                throw new InvalidInputException("branch '" + name + "' already exists");
            }
            if (RefTable.tag(c, name) != null) {
                throw new InvalidInputException("a tag named '" + name + "' exists; choose another branch name");
            }
            ObjectId tip = resolver.resolve(c, start);
            RefTable.setBranch(c, name, tip);
            ReflogTable.append(c, name, null, tip, System.currentTimeMillis(), "branch: created from " + start);
            return new BranchInfo(name, tip, name.equals(RefTable.head(c).branch()));
        });
    }

    List<BranchInfo> branches() {
        return stores.read(c -> {
            String current = RefTable.head(c).branch();
            List<BranchInfo> out = new ArrayList<>();
            RefTable.branches(c).forEach((name, tip) -> out.add(new BranchInfo(name, tip, name.equals(current))));
            return out;
        });
    }

    BranchInfo deleteBranch(String name) {
        return stores.db.write(c -> {
            ObjectId tip = RefTable.branch(c, name);
            if (tip == null) {
                throw new NotFoundException("no branch named '" + name + "'");
            }
            if (name.equals(RefTable.head(c).branch())) {
                throw new InvalidInputException("cannot delete branch '" + name
                        + "': HEAD is on it; check out another branch first");
            }
            RefTable.deleteBranch(c, name);
            ReflogTable.append(c, name, tip, null, System.currentTimeMillis(), "branch: deleted");
            return new BranchInfo(name, tip, false);
        });
    }

    TagInfo createTag(String name, String ref, String message, Map<String, Double> metrics) {
        RefNames.check(name, "tag");
        Map<String, Double> checked = Metrics.check(metrics == null ? Map.of() : metrics);
        String target = ref == null ? "HEAD" : ref;
        TagRecord tag = stores.db.write(c -> {
            if (RefTable.tag(c, name) != null) {
                throw new InvalidInputException("tag '" + name + "' already exists");
            }
            if (RefTable.branch(c, name) != null) {
                throw new InvalidInputException("a branch named '" + name + "' exists; choose another tag name");
            }
            TagRecord record = new TagRecord(name, resolver.resolve(c, target), message == null ? "" : message,
                    checked, settings.userName(), System.currentTimeMillis());
            RefTable.insertTag(c, record);
            return record;
        });
        return tagInfo(tag);
    }

    private static TagInfo tagInfo(TagRecord t) {
        return new TagInfo(t.name(), t.target(), t.message(), t.metrics(), t.tagger(), Instant.ofEpochMilli(t.timeMillis()));
    }

    List<TagInfo> tags() {
        return stores.read(RefTable::tags).stream().map(RefCommands::tagInfo).toList();
    }

    TagInfo deleteTag(String name) {
        return tagInfo(stores.db.write(c -> {
            TagRecord tag = RefTable.tag(c, name);
            if (tag == null) {
                throw new NotFoundException("no tag named '" + name + "'");
            }
            RefTable.deleteTag(c, name);
            return tag;
        }));
    }

    ReflogResult reflog(String ref) {
        String name = ref == null || ref.equals("@") ? "HEAD" : ref;
        return stores.read(c -> {
            List<ReflogEntry> entries = ReflogTable.entries(c, name);
            if (entries.isEmpty() && !name.equals("HEAD") && RefTable.branch(c, name) == null) {
                throw new NotFoundException("no reflog for '" + name + "': it is not HEAD or a branch");
            }
            return new ReflogResult(name, entries);
        });
    }
}
