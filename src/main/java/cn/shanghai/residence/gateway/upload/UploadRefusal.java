package cn.shanghai.residence.gateway.upload;

import cn.shanghai.residence.gateway.i18n.Text;

/** Why an upload is refused: a reason the app can switch on and a message for the resident, in the language asked. */
public record UploadRefusal(Reason reason, Text message) {

    public enum Reason {
        /** Not a file of an accepted type, or not readable as the type its bytes claim. */
        FORMAT,
        /** Larger than the configured limit. */
        SIZE,
        /** A photo that is not 358 × 441 px. */
        DIMENSIONS,
        /** A photo whose JFIF header does not say 350 dpi. */
        RESOLUTION,
        /** A photo whose background is not white. */
        BACKGROUND,
        /** A photo bdc refused by its own checks (e.g. of the face), which the gateway cannot make. */
        PHOTO_NOT_COMPLIANT
    }
}
