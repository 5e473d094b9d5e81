package org.halocloud.kernel.link;

import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.halocloud.kernel.security.Sealer;
import org.halocloud.link.protocol.LinkCodec;
import org.halocloud.link.protocol.LinkMessage;

/**
 * How one query travels between two cloud nodes over the broker ({@link ClusterLinks}): as frames — the command, the
 * Link's column names, batches of rows, its result or failure, and the requester's acknowledgements and cancel — cut
 * into pieces that each fit one broker message (NATS refuses payloads over its {@code max_payload}, 1 MB by default).
 *
 * <p>A broker message is {@code seq (4 bytes, big-endian) || sealed(type (1 byte) || last (1 byte) || piece)}, sealed
 * under the deployment's master key and bound to the query, its direction and {@code seq}: a piece that was altered,
 * replayed, reordered, dropped or sent by a node with another key does not open, so nothing is read out of order.
 * Every node of a deployment therefore needs the same {@code halo.secrets.master-key}.
 */
final class ClusterCodec {

    /** What a frame is. The ordinal travels (one byte): append only. */
    enum Type {
        /** requester → site subject: a query is offered, its command follows (the frame is empty) */
        OPEN,
        /** requester → serving node: the Link's {@link LinkMessage.Query} (command and vendor credentials) */
        QUERY,
        /** serving node → requester: taken; the message's reply subject is where acknowledgements and cancel go */
        ACCEPT,
        /** serving node → requester: one {@link LinkMessage} of the Link's answer (columns, rows, done, failed) */
        LINK,
        /** requester → serving node: this many response messages were read (4 bytes): the sender may go on */
        ACK,
        /** requester → serving node: the rows are no longer wanted; stop the query */
        CANCEL
    }

    /** Which side sends: a query's two streams have separate sequence numbers. */
    enum Direction {
        REQUEST("q"), RESPONSE("r");

        private final String label;

        Direction(String label) {
            this.label = label;
        }
    }

    /** A whole frame. */
    record Frame(Type type, byte[] data) {

        /** The {@link LinkMessage} a {@link Type#QUERY} or {@link Type#LINK} frame carries. */
        LinkMessage message() {
            return LinkCodec.read(new String(data, StandardCharsets.UTF_8));
        }
    }

    /** Sealing adds an IV and a tag; the sequence number and the type and last bytes come on top. */
    static final int OVERHEAD = 4 + 12 + 16 + 2;
    /** The largest frame a receiver assembles (a Link's message is at most 32 M characters). */
    static final int MAX_FRAME_BYTES = 128 * 1024 * 1024;

    private final Sealer sealer;
    private final int pieceBytes;

    /** @param maxPayload the largest broker message (the server's {@code max_payload}, or less) */
    ClusterCodec(Sealer sealer, int maxPayload) {
        if (maxPayload <= OVERHEAD) {
            throw new IllegalArgumentException("a broker message of " + maxPayload + " bytes cannot carry a piece");
        }
        this.sealer = sealer;
        this.pieceBytes = maxPayload - OVERHEAD;
    }

    static byte[] json(LinkMessage message) {
        return LinkCodec.write(message).getBytes(StandardCharsets.UTF_8);
    }

    Sender sender(UUID queryId, Direction direction) {
        return new Sender(queryId, direction);
    }

    Receiver receiver(UUID queryId, Direction direction) {
        return new Receiver(queryId, direction);
    }

    private Sealer.Binding binding(UUID queryId, Direction direction, int seq) {
        return Sealer.Purpose.CLUSTER_MESSAGE.of(queryId, direction.label + ":" + seq);
    }

    /** One stream's sending side: numbers and seals the pieces of each frame. Not thread-safe. */
    final class Sender {

        private final UUID queryId;
        private final Direction direction;
        private int next;

        private Sender(UUID queryId, Direction direction) {
            this.queryId = queryId;
            this.direction = direction;
        }

        /** The broker messages of one frame, in order (one at least, even for an empty frame). */
        List<byte[]> encode(Type type, byte[] data) {
            List<byte[]> messages = new ArrayList<>(1 + data.length / pieceBytes);
            int offset = 0;
            do {
                int length = Math.min(pieceBytes, data.length - offset);
                boolean last = offset + length == data.length;
                byte[] plain = new byte[2 + length];
                plain[0] = (byte) type.ordinal();
                plain[1] = (byte) (last ? 1 : 0);
                System.arraycopy(data, offset, plain, 2, length);
                int seq = next++;
                byte[] sealed = sealer.sealBytes(plain, binding(queryId, direction, seq));
                messages.add(ByteBuffer.allocate(4 + sealed.length).putInt(seq).put(sealed).array());
                offset += length;
            } while (offset < data.length);
            return messages;
        }

        /** Messages numbered so far. */
        int sent() {
            return next;
        }
    }

    /** One stream's receiving side: opens pieces in order and assembles frames. Not thread-safe. */
    final class Receiver {

        private final UUID queryId;
        private final Direction direction;
        private int expected;
        private Type partialType;
        private ByteArrayOutputStream partial;

        private Receiver(UUID queryId, Direction direction) {
            this.queryId = queryId;
            this.direction = direction;
        }

        /**
         * @return the frame this message completes, or null when more pieces of it are to come
         * @throws IllegalStateException when the message is out of sequence, does not open or breaks a frame
         */
        Frame accept(byte[] message) {
            if (message == null || message.length < OVERHEAD) {
                throw new IllegalStateException("a cluster message is too short");
            }
            ByteBuffer buffer = ByteBuffer.wrap(message);
            int seq = buffer.getInt();
            if (seq != expected) {
                throw new IllegalStateException("cluster message " + seq + " arrived where " + expected + " was due");
            }
            byte[] sealed = new byte[message.length - 4];
            buffer.get(sealed);
            byte[] plain = sealer.openBytes(sealed, binding(queryId, direction, seq));
            expected++;
            if (plain.length < 2 || plain[0] < 0 || plain[0] >= Type.values().length) {
                throw new IllegalStateException("a cluster message of an unknown type");
            }
            Type type = Type.values()[plain[0]];
            boolean last = plain[1] == 1;
            if (partial == null && last) {
                return new Frame(type, java.util.Arrays.copyOfRange(plain, 2, plain.length));
            }
            if (partial == null) {
                partial = new ByteArrayOutputStream();
                partialType = type;
            } else if (partialType != type) {
                throw new IllegalStateException("a piece of a " + type + " frame inside a " + partialType + " frame");
            }
            if ((long) partial.size() + plain.length - 2 > MAX_FRAME_BYTES) {
                throw new IllegalStateException("a cluster frame over " + MAX_FRAME_BYTES + " bytes");
            }
            partial.write(plain, 2, plain.length - 2);
            if (!last) {
                return null;
            }
            Frame frame = new Frame(type, partial.toByteArray());
            partial = null;
            partialType = null;
            return frame;
        }

        /** Messages read so far. */
        int received() {
            return expected;
        }
    }
}
