package cn.shanghai.residence.gateway.web;

import java.util.Map;

import org.junit.jupiter.api.Test;

import cn.shanghai.residence.gateway.InvalidConfigurationException;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The ids of trusted documents and the manifest's check that each id is its document's hash. */
class DocumentIdsTests {

    @Test
    void shouldNameADocumentByTheHexSha256OfItsUtf8Text() {
        assertThat(DocumentIds.of("")).isEqualTo(
                "sha256:e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855");
        assertThat(DocumentIds.of("中")).isEqualTo(
                "sha256:a567bdaa11367f260f0708391f4d10766b5962f565d9e432f17981a3584fe1e2");
    }

    @Test
    void shouldAcceptOnlyTheWrittenForm() {
        String valid = "sha256:e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855";
        assertThat(DocumentIds.parse(valid)).contains(valid);
        assertThat(DocumentIds.parse(valid.toUpperCase())).isEmpty();
        assertThat(DocumentIds.parse(valid.substring("sha256:".length()))).isEmpty();
        assertThat(DocumentIds.parse(valid + "0")).isEmpty();
        assertThat(DocumentIds.parse(valid.substring(0, valid.length() - 1))).isEmpty();
        assertThat(DocumentIds.parse("md5:" + valid.substring(7))).isEmpty();
        assertThat(DocumentIds.parse(null)).isEmpty();
    }

    @Test
    void shouldFindADocumentByItsIdWithOrWithoutThePrefixInTheManifest() {
        String document = "{ faqs { id } }";
        String id = DocumentIds.of(document);
        assertThat(TrustedDocuments.of(Map.of(id, document)).find(id)).contains(document);
        assertThat(TrustedDocuments.of(Map.of(id.substring(7), document)).find(id)).contains(document);
        assertThat(TrustedDocuments.of(Map.of(id, document)).find(DocumentIds.of("{ me { personId } }"))).isEmpty();
    }

    @Test
    void shouldRefuseAManifestWhoseIdIsNotItsDocumentsHash() {
        String id = DocumentIds.of("{ faqs { id } }");
        assertThatThrownBy(() -> TrustedDocuments.of(Map.of(id, "{ faqs { id question } }")))
                .isInstanceOf(InvalidConfigurationException.class)
                .hasMessageContaining("gateway.documents.manifest").hasMessageContaining(id);
    }
}
