package dev.coral.magics.render;

import dev.coral.core.cli.AddResult;
import dev.coral.core.cli.ConfigUpdateResult;
import dev.coral.core.cli.ExportResult;
import dev.coral.core.cli.InitResult;
import dev.coral.core.cli.RemoveResult;
import dev.coral.core.cli.UsageText;
import dev.coral.core.result.GcResult;
import dev.coral.core.result.RepackResult;
import dev.coral.core.result.TensorEntry;

/**
 * Results of the verbs that change files or settings rather than history: {@code init}, {@code add},
 * {@code rm}, {@code export}, {@code repack}, {@code gc}, {@code config set}, and the usage text of {@code --help}.
 */
public final class RepositoryChangeView {
    private RepositoryChangeView() {
    }

    /** An {@link InitResult}: where the repository was made. */
    public static final class Init implements CliRecordView<InitResult> {
        @Override
        public Html html(InitResult r) {
            return Fragments.head(Html.text("Initialized empty Coral repository"), Html.text("in " + r.root()));
        }
    }

    /** An {@link AddResult}: the tensors staged, as a table. */
    public static final class Add implements CliRecordView<AddResult> {
        @Override
        public Html html(AddResult r) {
            HtmlTable table = new HtmlTable().column("tensor", Align.LEFT).column("dtype", Align.LEFT)
                    .column("shape", Align.LEFT).column("size", Align.RIGHT).column("id", Align.LEFT);
            long bytes = r.staged().stream().mapToLong(TensorEntry::bytes).sum();
            table.rows(r.staged(), e -> new Object[] {Fragments.name(e.name()), e.dtype().label(),
                    HumanFormat.shape(e.shape()), Fragments.bytes(e.bytes()), Fragments.id(e.id())});
            int n = r.staged().size();
            return Html.concat(Fragments.head(Html.text("Staged " + n + (n == 1 ? " tensor" : " tensors")),
                    Html.text(HumanFormat.bytes(bytes) + " from " + String.join(", ", r.sources()))), table.toHtml());
        }
    }

    /** A {@link RemoveResult}: the names staged for removal. */
    public static final class Remove implements CliRecordView<RemoveResult> {
        @Override
        public Html html(RemoveResult r) {
            HtmlTable table = new HtmlTable().column("status", Align.LEFT).column("tensor", Align.LEFT);
            r.names().forEach(n -> table.row(Fragments.badge("coral-removed", "removed"), Fragments.name(n)));
            return Html.concat(Fragments.head(Html.text("Staged for removal"), Html.text(r.names().size() + " names")),
                    table.toHtml());
        }
    }

    /** An {@link ExportResult}: which commit went to which file, and how big it is. */
    public static final class Export implements CliRecordView<ExportResult> {
        @Override
        public Html html(ExportResult r) {
            return Fragments.head(Html.concat(Html.text("Exported " + r.ref() + " ("), Fragments.id(r.commit()),
                    Html.text(") to " + r.file())), Html.text(r.tensors() + " tensors · " + HumanFormat.bytes(r.bytes())));
        }
    }

    /** A {@link RepackResult}: how many tensors were re-encoded, and the deltas and bytes before and after. */
    public static final class Repack implements CliRecordView<RepackResult> {
        @Override
        public Html html(RepackResult r) {
            String indexed = r.indexed() == 0 ? "" : " · " + r.indexed() + " newly indexed for similarity";
            return Fragments.head(Html.text("Repacked " + r.objects() + (r.objects() == 1 ? " tensor" : " tensors")),
                    Html.text(r.rewritten() + " re-encoded · " + r.deltasBefore() + " → " + r.deltasAfter() + " deltas · "
                            + HumanFormat.bytes(r.storedBytesBefore()) + " → " + HumanFormat.bytes(r.storedBytesAfter())
                            + " encoded" + indexed));
        }
    }

    /** A {@link GcResult}: the unreferenced object files removed, and those kept as too young. */
    public static final class Gc implements CliRecordView<GcResult> {
        @Override
        public Html html(GcResult r) {
            String kept = r.unreferencedKept() == 0 ? ""
                    : " · kept " + r.unreferencedKept() + " younger than "
                            + dev.coral.core.cli.text.HumanFormat.duration(r.graceSeconds());
            return Fragments.head(Html.text("Removed " + r.filesRemoved() + " unreferenced object "
                    + (r.filesRemoved() == 1 ? "file" : "files")), Html.text(HumanFormat.bytes(r.bytesRemoved()) + kept));
        }
    }

    /** A {@link ConfigUpdateResult}: {@code key: old → new}. */
    public static final class ConfigUpdate implements CliRecordView<ConfigUpdateResult> {
        @Override
        public Html html(ConfigUpdateResult r) {
            return Fragments.head(Fragments.name(r.current().key()), Html.concat(
                    Fragments.name(r.previous().value()), Html.text(" → "), Fragments.name(r.current().value()),
                    Html.text(r.current().isDefault() ? " (default)" : "")));
        }
    }

    /** {@link UsageText} ({@code --help}, {@code --version}) as preformatted text. */
    public static final class Usage implements CliRecordView<UsageText> {
        @Override
        public Html html(UsageText r) {
            return Html.tag("pre", "coral-mono", Html.text(r.text()));
        }
    }
}
