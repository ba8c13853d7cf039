package cn.shanghai.residence.gateway.upload;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.util.unit.DataSize;

/**
 * Size limits of the uploads under {@code gateway.uploads}, enforced while the body arrives: at the limit reading
 * stops and the upload is refused (HTTP 413, reason SIZE), so an oversized body is never held whole; and how many
 * are read at once.
 *
 * @param photoMaxSize    the largest permit photo (a 358 × 441 JPEG is 30-150 KB)
 * @param materialMaxSize the largest material; police stores at most 5 MB
 * @param maxConcurrent   uploads read at once; past them an upload is refused at once (503, OVERLOADED)
 */
@ConfigurationProperties("gateway.uploads")
public record UploadProperties(DataSize photoMaxSize, DataSize materialMaxSize, Integer maxConcurrent) {

    public UploadProperties {
        photoMaxSize = photoMaxSize == null ? DataSize.ofMegabytes(2) : photoMaxSize;
        materialMaxSize = materialMaxSize == null ? DataSize.ofMegabytes(5) : materialMaxSize;
        maxConcurrent = maxConcurrent == null ? 8 : maxConcurrent;
    }
}
