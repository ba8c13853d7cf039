package cn.shanghai.residence.gateway.upload;

import java.nio.charset.StandardCharsets;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;

import org.junit.jupiter.api.Test;
import reactor.core.publisher.Flux;
import reactor.test.StepVerifier;

import org.springframework.core.io.buffer.DataBuffer;
import org.springframework.core.io.buffer.DefaultDataBufferFactory;
import org.springframework.util.unit.DataSize;

import cn.shanghai.residence.gateway.upload.UploadRefusal.Reason;

import static cn.shanghai.residence.gateway.i18n.Rendered.both;
import static org.assertj.core.api.Assertions.assertThat;

/** Reading a body within a limit, without ever holding more than the limit. */
class UploadBodyTests {

    private static final DefaultDataBufferFactory BUFFERS = DefaultDataBufferFactory.sharedInstance;

    @Test
    void shouldJoinTheBodysBuffers() {
        Flux<DataBuffer> body = Flux.just("%PDF-", "1.7 ", "title").map(UploadBodyTests::buffer);

        StepVerifier.create(UploadBody.read(body, -1, DataSize.ofBytes(14)))
                .assertNext(bytes -> assertThat(new String(bytes, StandardCharsets.US_ASCII)).isEqualTo("%PDF-1.7 title"))
                .verifyComplete();
    }

    @Test
    void shouldAnswerNoBytesForAnEmptyBody() {
        StepVerifier.create(UploadBody.read(Flux.empty(), 0, DataSize.ofKilobytes(1)))
                .assertNext(bytes -> assertThat(bytes).isEmpty())
                .verifyComplete();
    }

    @Test
    void shouldRefuseADeclaredLengthPastTheLimitWithoutReadingIt() {
        AtomicBoolean read = new AtomicBoolean();
        Flux<DataBuffer> body = Flux.just("x").map(UploadBodyTests::buffer).doOnSubscribe(s -> read.set(true));

        StepVerifier.create(UploadBody.read(body, 2 * 1024 * 1024 + 1, DataSize.ofMegabytes(2)))
                .expectErrorSatisfies(error -> assertThat(((RefusedUpload) error).refusals())
                        .singleElement().satisfies(refusal -> {
                            assertThat(refusal.reason()).isEqualTo(Reason.SIZE);
                            assertThat(both(refusal.message()))
                                    .isEqualTo("文件不得超过 2 MB / The file must not exceed 2 MB");
                        }))
                .verify();
        assertThat(read).isFalse();
        StepVerifier.create(UploadBody.read(Flux.just(buffer("12")), 2, DataSize.ofBytes(2)))
                .assertNext(bytes -> assertThat(bytes).hasSize(2)).verifyComplete();
    }

    @Test
    void shouldStopReadingAnEndlessBodyAtTheLimit() {
        AtomicInteger emitted = new AtomicInteger();
        Flux<DataBuffer> endless = Flux.<DataBuffer>generate(sink -> sink.next(BUFFERS.wrap(new byte[1024])))
                .doOnNext(buffer -> emitted.incrementAndGet());

        StepVerifier.create(UploadBody.read(endless, -1, DataSize.ofKilobytes(10)))
                .expectErrorSatisfies(error -> assertThat(both(((RefusedUpload) error).refusals().get(0).message()))
                        .isEqualTo("文件不得超过 10 KB / The file must not exceed 10 KB"))
                .verify();
        assertThat(emitted.get()).as("buffers taken from the body").isBetween(11, 12);
    }

    @Test
    void shouldTakeABodyOfExactlyTheLimit() {
        StepVerifier.create(UploadBody.read(Flux.just(buffer("12345")), -1, DataSize.ofBytes(5)))
                .assertNext(bytes -> assertThat(bytes).hasSize(5))
                .verifyComplete();
        StepVerifier.create(UploadBody.read(Flux.just(buffer("123456")), -1, DataSize.ofBytes(5)))
                .expectError(RefusedUpload.class)
                .verify();
    }

    private static DataBuffer buffer(String text) {
        return BUFFERS.wrap(text.getBytes(StandardCharsets.US_ASCII));
    }
}
