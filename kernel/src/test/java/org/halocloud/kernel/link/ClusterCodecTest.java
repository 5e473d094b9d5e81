package org.halocloud.kernel.link;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Base64;
import java.util.List;
import java.util.UUID;
import org.halocloud.kernel.config.HaloProperties;
import org.halocloud.kernel.link.ClusterCodec.Direction;
import org.halocloud.kernel.link.ClusterCodec.Frame;
import org.halocloud.kernel.link.ClusterCodec.Type;
import org.halocloud.kernel.security.Sealer;
import org.halocloud.link.LinkFailure;
import org.halocloud.link.protocol.LinkMessage;
import org.junit.jupiter.api.Test;

/** The frames a query travels in between nodes: cut to the broker's message size, sealed, in order. */
class ClusterCodecTest {

    static final String KEY = Base64.getEncoder().encodeToString(new byte[32]);
    static final UUID QUERY = UUID.fromString("0b7f3c2e-0000-4000-8000-0000000000c1");

    static Sealer sealer(String masterKey) {
        return new Sealer(new HaloProperties(Path.of("target"), "demo", new HaloProperties.RateLimit(true, 15, Duration.ofSeconds(5)),
                new HaloProperties.Query(Duration.ofSeconds(60), 8 << 20, 1 << 20, 8), new HaloProperties.Secrets(masterKey)));
    }

    private final ClusterCodec codec = new ClusterCodec(sealer(KEY), 64 * 1024);

    @Test
    void aSmallFrameIsOneSealedMessage() {
        byte[] json = ClusterCodec.json(new LinkMessage.Columns(QUERY, List.of("ID", "SURNAME")));
        List<byte[]> messages = codec.sender(QUERY, Direction.RESPONSE).encode(Type.LINK, json);
        assertThat(messages).hasSize(1);
        assertThat(new String(messages.get(0), StandardCharsets.ISO_8859_1)).doesNotContain("SURNAME");
        Frame frame = codec.receiver(QUERY, Direction.RESPONSE).accept(messages.get(0));
        assertThat(frame.type()).isEqualTo(Type.LINK);
        assertThat(((LinkMessage.Columns) frame.message()).names()).containsExactly("ID", "SURNAME");
    }

    @Test
    void anEmptyFrameStillTravels() {
        List<byte[]> messages = codec.sender(QUERY, Direction.RESPONSE).encode(Type.ACCEPT, new byte[0]);
        assertThat(messages).hasSize(1);
        Frame frame = codec.receiver(QUERY, Direction.RESPONSE).accept(messages.get(0));
        assertThat(frame.type()).isEqualTo(Type.ACCEPT);
        assertThat(frame.data()).isEmpty();
    }

    @Test
    void aLargeFrameIsCutIntoPiecesUnderTheMessageSizeAndReassembled() {
        List<Object[]> rows = new ArrayList<>();
        for (int i = 0; i < 3000; i++) {
            rows.add(new Object[] {i, "x".repeat(1000), new BigDecimal("12.50"), null, true});
        }
        byte[] json = ClusterCodec.json(new LinkMessage.Rows(QUERY, rows));
        assertThat(json.length).isGreaterThan(3_000_000);
        ClusterCodec.Sender sender = codec.sender(QUERY, Direction.RESPONSE);
        List<byte[]> messages = sender.encode(Type.LINK, json);
        assertThat(messages).hasSizeGreaterThan(json.length / (64 * 1024));
        assertThat(messages).allSatisfy(m -> assertThat(m.length).isLessThanOrEqualTo(64 * 1024));
        assertThat(sender.sent()).isEqualTo(messages.size());

        ClusterCodec.Receiver receiver = codec.receiver(QUERY, Direction.RESPONSE);
        Frame frame = null;
        for (int i = 0; i < messages.size(); i++) {
            frame = receiver.accept(messages.get(i));
            assertThat(frame == null).as("piece %d of %d", i, messages.size()).isEqualTo(i < messages.size() - 1);
        }
        assertThat(frame.data()).isEqualTo(json);
        LinkMessage.Rows back = (LinkMessage.Rows) frame.message();
        assertThat(back.rows()).hasSize(3000);
        assertThat(back.rows().get(2999)).containsExactly(2999, "x".repeat(1000), new BigDecimal("12.50"), null, true);
        assertThat(receiver.received()).isEqualTo(messages.size());
    }

    @Test
    void framesFollowEachOtherOnOneStream() {
        ClusterCodec.Sender sender = codec.sender(QUERY, Direction.RESPONSE);
        ClusterCodec.Receiver receiver = codec.receiver(QUERY, Direction.RESPONSE);
        List<byte[]> messages = new ArrayList<>();
        messages.addAll(sender.encode(Type.ACCEPT, new byte[0]));
        messages.addAll(sender.encode(Type.LINK, new byte[200_000]));
        messages.addAll(sender.encode(Type.LINK, ClusterCodec.json(new LinkMessage.Failed(QUERY,
                LinkFailure.Kind.DATABASE, 207, "42S22", "Invalid column name 'X'."))));
        List<Frame> frames = new ArrayList<>();
        for (byte[] m : messages) {
            Frame f = receiver.accept(m);
            if (f != null) {
                frames.add(f);
            }
        }
        assertThat(frames).extracting(Frame::type).containsExactly(Type.ACCEPT, Type.LINK, Type.LINK);
        assertThat(frames.get(1).data()).hasSize(200_000);
        LinkMessage.Failed failed = (LinkMessage.Failed) frames.get(2).message();
        assertThat(failed.kind()).isEqualTo(LinkFailure.Kind.DATABASE);
        assertThat(failed.errorCode()).isEqualTo(207);
    }

    @Test
    void aDroppedOrRepeatedMessageIsRefused() {
        List<byte[]> messages = codec.sender(QUERY, Direction.RESPONSE).encode(Type.LINK, new byte[200_000]);
        ClusterCodec.Receiver skipping = codec.receiver(QUERY, Direction.RESPONSE);
        skipping.accept(messages.get(0));
        assertThatThrownBy(() -> skipping.accept(messages.get(2))).isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("2 arrived where 1 was due");
        ClusterCodec.Receiver repeating = codec.receiver(QUERY, Direction.RESPONSE);
        repeating.accept(messages.get(0));
        assertThatThrownBy(() -> repeating.accept(messages.get(0))).isInstanceOf(IllegalStateException.class);
    }

    @Test
    void aMessageOpensOnlyForItsQueryItsDirectionAndTheSameMasterKey() {
        byte[] message = codec.sender(QUERY, Direction.REQUEST).encode(Type.CANCEL, new byte[0]).get(0);
        assertThatThrownBy(() -> codec.receiver(UUID.randomUUID(), Direction.REQUEST).accept(message))
                .isInstanceOf(IllegalStateException.class);
        assertThatThrownBy(() -> codec.receiver(QUERY, Direction.RESPONSE).accept(message))
                .isInstanceOf(IllegalStateException.class);
        byte[] otherKey = new byte[32];
        otherKey[0] = 1;
        ClusterCodec elsewhere = new ClusterCodec(sealer(Base64.getEncoder().encodeToString(otherKey)), 64 * 1024);
        assertThatThrownBy(() -> elsewhere.receiver(QUERY, Direction.REQUEST).accept(message))
                .isInstanceOf(IllegalStateException.class);
        byte[] tampered = Arrays.copyOf(message, message.length);
        tampered[tampered.length - 1] ^= 1;
        assertThatThrownBy(() -> codec.receiver(QUERY, Direction.REQUEST).accept(tampered))
                .isInstanceOf(IllegalStateException.class);
        assertThat(codec.receiver(QUERY, Direction.REQUEST).accept(message).type()).isEqualTo(Type.CANCEL);
    }

    @Test
    void aPieceOfAnotherTypeInsideAFrameIsRefused() {
        ClusterCodec.Sender sender = codec.sender(QUERY, Direction.RESPONSE);
        List<byte[]> big = sender.encode(Type.LINK, new byte[100_000]);
        byte[] ack = sender.encode(Type.ACK, new byte[4]).get(0);
        // an ACK numbered as if it came right after the first piece of the LINK frame
        ClusterCodec.Sender renumbered = codec.sender(QUERY, Direction.RESPONSE);
        renumbered.encode(Type.LINK, new byte[10]);
        byte[] intruder = renumbered.encode(Type.ACK, new byte[4]).get(0);
        ClusterCodec.Receiver receiver = codec.receiver(QUERY, Direction.RESPONSE);
        assertThat(receiver.accept(big.get(0))).isNull();
        assertThatThrownBy(() -> receiver.accept(intruder)).isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("inside a LINK frame");
        assertThat(ack).isNotEmpty();
    }
}
