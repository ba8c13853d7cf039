package cn.shanghai.residence.gateway.upload;

import java.util.List;

import cn.shanghai.residence.gateway.i18n.Text;

/**
 * An upload after the edge's checks: the bytes to forward (metadata removed) with the type sniffed from them, or
 * the reasons it is refused (then nothing is forwarded).
 */
record CheckedUpload(String contentType, byte[] bytes, List<UploadRefusal> refusals) {

    CheckedUpload {
        refusals = List.copyOf(refusals);
    }

    static CheckedUpload accepted(String contentType, byte[] bytes) {
        return new CheckedUpload(contentType, bytes, List.of());
    }

    static CheckedUpload refused(List<UploadRefusal> refusals) {
        return new CheckedUpload("", new byte[0], refusals);
    }

    static CheckedUpload refused(UploadRefusal.Reason reason, Text message) {
        return refused(List.of(new UploadRefusal(reason, message)));
    }

    boolean accepted() {
        return refusals.isEmpty();
    }
}
