package cn.shanghai.residence.gateway.police;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;

import cn.shanghai.residence.gateway.support.GatewayIntegrationTests;
import cn.shanghai.residence.gateway.upstream.CacheProperties;
import cn.shanghai.residence.gateway.upstream.RequestMemo;
import cn.shanghai.residence.gateway.upstream.Upstream;
import cn.shanghai.residence.gateway.upstream.UpstreamFailure;

import static com.github.tomakehurst.wiremock.client.WireMock.serviceUnavailable;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** {@link PoliceService#attachment}: the record whose owner a submission checks, read fresh every time. */
class AttachmentTests extends GatewayIntegrationTests {

    @Autowired
    PoliceService police;

    @Autowired
    CacheProperties cacheProperties;

    @BeforeEach
    void emptyJournals() {
        resetJournals();
    }

    @Test
    void shouldReadAnAttachmentsOwner() {
        Attachment attachment = RequestMemo.within(police.attachment("ATT-ywtb-1013-0123456789")).block();

        assertThat(attachment.attachmentId()).isEqualTo("ATT-ywtb-1013-0123456789");
        assertThat(attachment.personId()).isEqualTo("ywtb-1013");
        assertThat(attachment.contentType()).isEqualTo("application/pdf");
        assertThat(attachment.sizeBytes()).isEqualTo(48213);
        assertThat(attachment.uploadedAt()).isNotNull();
        assertThat(attachment.toString()).isEqualTo("Attachment[attachmentId=ATT-ywtb-1013-0123456789, "
                + "contentType=application/pdf, sizeBytes=48213]");
    }

    @Test
    void shouldBeEmptyForAnIdPoliceDoesNotKnow() {
        assertThat(RequestMemo.within(police.attachment("ATT-unknown")).blockOptional()).isEmpty();
        assertThat(requestsTo(Upstream.POLICE, "GET", "/attachments/ATT-unknown")).isEqualTo(1);
    }

    /**
     * Checked on the settings, not by counting two reads: a read that starts just as an identical one ends may share
     * that one's answer (the resource's in-flight de-duplication), cached or not.
     */
    @Test
    void shouldNotCacheAttachments() {
        assertThat(cacheProperties.resource("police-attachment").cached()).isFalse();
        assertThat(cacheProperties.resource("police-application").cached()).as("a resource that is").isTrue();
    }

    @Test
    void shouldFailTypedWhenPoliceIsDown() {
        outage(Upstream.POLICE, serviceUnavailable());

        assertThatThrownBy(() -> RequestMemo.within(police.attachment("ATT-ywtb-1001-0123456789")).block())
                .isInstanceOfSatisfying(UpstreamFailure.class,
                        failure -> assertThat(failure.upstream()).isEqualTo(Upstream.POLICE));
    }
}
