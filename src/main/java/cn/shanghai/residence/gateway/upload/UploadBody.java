package cn.shanghai.residence.gateway.upload;

import java.util.List;

import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

import org.springframework.core.io.buffer.DataBuffer;
import org.springframework.core.io.buffer.DataBufferLimitException;
import org.springframework.core.io.buffer.DataBufferUtils;
import org.springframework.util.unit.DataSize;

import cn.shanghai.residence.gateway.i18n.Text;
import cn.shanghai.residence.gateway.upload.UploadRefusal.Reason;

/**
 * Reads an upload's body into memory up to a limit: a declared Content-Length past it is refused before a byte is
 * read, and a body that grows past it is refused the moment it does, its buffers released and the rest never read.
 */
final class UploadBody {

    private UploadBody() {
    }

    /** The whole body (empty: no bytes), or a {@link RefusedUpload} of reason SIZE. */
    static Mono<byte[]> read(Flux<DataBuffer> body, long declaredLength, DataSize limit) {
        int maxBytes = (int) Math.min(Integer.MAX_VALUE - 8, limit.toBytes());
        if (declaredLength > maxBytes) {
            return Mono.error(tooLarge(limit));
        }
        return DataBufferUtils.join(body, maxBytes)
                .map(buffer -> {
                    byte[] bytes = new byte[buffer.readableByteCount()];
                    buffer.read(bytes);
                    DataBufferUtils.release(buffer);
                    return bytes;
                })
                .defaultIfEmpty(new byte[0])
                .onErrorMap(DataBufferLimitException.class, exceeded -> tooLarge(limit));
    }

    private static RefusedUpload tooLarge(DataSize limit) {
        String size = limit.toKilobytes() % 1024 == 0 ? limit.toMegabytes() + " MB" : limit.toKilobytes() + " KB";
        return new RefusedUpload(List.of(new UploadRefusal(Reason.SIZE, Text.of("upload.SIZE", size))));
    }
}
