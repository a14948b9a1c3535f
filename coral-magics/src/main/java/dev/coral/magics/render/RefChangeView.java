package dev.coral.magics.render;

import dev.coral.core.cli.BranchResult;
import dev.coral.core.cli.RefAction;
import dev.coral.core.cli.TagResult;

import java.util.Locale;

/**
 * A branch or tag created or deleted: one headline naming the ref and its commit
 * ({@code Created branch exp at 3fa2c1…}).
 */
public final class RefChangeView {
    private RefChangeView() {
    }

    /** A {@link BranchResult}. */
    public static final class Branch implements CliRecordView<BranchResult> {
        @Override
        public Html html(BranchResult r) {
            return headline(r.action(), "branch", "coral-branch", r.branch().name(), Fragments.id(r.branch().tip()));
        }
    }

    /** A {@link TagResult}, with its message and metrics under the headline. */
    public static final class Tag implements CliRecordView<TagResult> {
        @Override
        public Html html(TagResult r) {
            Html head = headline(r.action(), "tag", "coral-tag", r.tag().name(), Fragments.id(r.tag().target()));
            String note = (r.tag().message() + "  " + HumanFormat.metrics(r.tag().metrics())).strip();
            return note.isEmpty() ? head : Html.concat(head, Html.tag("div", "coral-note", Html.text(note)));
        }
    }

    private static Html headline(RefAction action, String kind, String cssClass, String name, Html commit) {
        String verb = action == RefAction.CREATED ? "Created" : "Deleted";
        return Fragments.head(Html.concat(Html.text(verb + " " + kind.toLowerCase(Locale.ROOT) + " "),
                Html.tag("span", cssClass, Html.text(name))), Html.concat(Html.text("at "), commit));
    }
}
