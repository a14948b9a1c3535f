package dev.coral.magics.render;

import dev.coral.core.result.CheckoutResult;

/** A {@link CheckoutResult}: where HEAD moved, git's wording. */
public final class CheckoutView implements CliRecordView<CheckoutResult> {

    @Override
    public Html html(CheckoutResult result) {
        return Fragments.head(Html.text(headline(result)), Html.text(previous(result)));
    }

    private static String headline(CheckoutResult r) {
        return r.detached() ? "HEAD is now detached at " + Fragments.shortId(r.commit())
                : "Switched to branch '" + r.branch() + "' at " + Fragments.shortId(r.commit());
    }

    private static String previous(CheckoutResult r) {
        return "was " + (r.previousBranch() == null ? "detached" : "on '" + r.previousBranch() + "'")
                + " at " + Fragments.shortId(r.previous());
    }
}
