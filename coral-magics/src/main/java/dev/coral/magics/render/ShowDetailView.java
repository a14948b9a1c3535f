package dev.coral.magics.render;

/** A {@link ShowDetail}: the {@link ShowView} with the tensor's histogram as an inline SVG. */
public final class ShowDetailView implements RecordView<ShowDetail> {
    private final ShowView showView = new ShowView();

    @Override
    public Html html(ShowDetail detail) {
        return showView.html(detail.result(), detail.histogram());
    }

    @Override
    public String text(ShowDetail detail) {
        return showView.text(detail.result());
    }
}
