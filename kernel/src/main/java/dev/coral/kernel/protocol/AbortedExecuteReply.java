package dev.coral.kernel.protocol;

import org.dflib.jjava.jupyter.messages.ContentType;
import org.dflib.jjava.jupyter.messages.MessageType;
import org.dflib.jjava.jupyter.messages.reply.ExecuteReply;

/**
 * The {@code execute_reply} of a request that was not run because an earlier cell failed
 * ({@code stop_on_error}): {@code {"status": "aborted"}}. jjava's {@link ExecuteReply} has no such status.
 */
final class AbortedExecuteReply implements ContentType<AbortedExecuteReply> {

    @SuppressWarnings("unused") // serialized by gson
    private final String status = "aborted";

    @Override
    @SuppressWarnings("unchecked")
    public MessageType<AbortedExecuteReply> getType() {
        return (MessageType<AbortedExecuteReply>) (MessageType<?>) ExecuteReply.MESSAGE_TYPE;
    }
}
