package dev.coral.kernel.protocol;

import java.util.List;

import org.dflib.jjava.jupyter.messages.ContentType;
import org.dflib.jjava.jupyter.messages.MessageType;
import org.dflib.jjava.jupyter.messages.reply.HistoryReply;

/**
 * A {@code history_reply} as the messaging spec shapes it: {@code history} is a list of
 * {@code [session, line_number, input]} triples (jjava's {@link HistoryReply} serializes objects).
 */
final class HistoryReplyContent implements ContentType<HistoryReplyContent> {

    @SuppressWarnings("unused") // serialized by gson
    private final String status = "ok";
    @SuppressWarnings("unused") // serialized by gson
    private final List<List<Object>> history;

    HistoryReplyContent(List<CellHistory.Entry> entries) {
        this.history = entries.stream().map(e -> List.<Object>of(e.session(), e.line(), e.input())).toList();
    }

    @Override
    @SuppressWarnings("unchecked")
    public MessageType<HistoryReplyContent> getType() {
        return (MessageType<HistoryReplyContent>) (MessageType<?>) HistoryReply.MESSAGE_TYPE;
    }
}
