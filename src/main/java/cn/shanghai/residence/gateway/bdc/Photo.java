package cn.shanghai.residence.gateway.bdc;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

import com.fasterxml.jackson.annotation.JsonEnumDefaultValue;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;

/** A portrait photo on file that can be reused for the permit (我的居住证照片). */
public record Photo(@NotBlank String photoId, @NotNull Source source, @NotNull LocalDate takenOn, int widthPx,
        int heightPx, int dpi, @NotNull Background background, @NotNull Status status) {

    public static final int WIDTH_PX = 358;
    public static final int HEIGHT_PX = 441;
    public static final int DPI = 350;

    public enum Source {
        ID_CARD, RESIDENCE_PERMIT, UPLOAD, KIOSK,
        /** A source bdc added later: shown only. */
        @JsonEnumDefaultValue UNKNOWN
    }

    public enum Background {
        WHITE, BLUE, RED, OTHER,
        /** A code bdc added later: not white, so not compliant. */
        @JsonEnumDefaultValue UNKNOWN
    }

    public enum Status {
        USABLE, EXPIRED, REJECTED,
        /** A state bdc added later: not usable, so not compliant ({@code STATUS_UNKNOWN}). */
        @JsonEnumDefaultValue UNKNOWN
    }

    /** Meets the permit photo rules: usable, 358 × 441 px, 350 dpi, white background. */
    public boolean compliant() {
        return nonCompliance().isEmpty();
    }

    /** Which rules the photo breaks, as codes the app can explain. */
    public List<String> nonCompliance() {
        List<String> reasons = new ArrayList<>();
        if (status != Status.USABLE) {
            reasons.add("STATUS_" + status);
        }
        if (widthPx != WIDTH_PX || heightPx != HEIGHT_PX) {
            reasons.add("SIZE");
        }
        if (dpi != DPI) {
            reasons.add("RESOLUTION");
        }
        if (background != Background.WHITE) {
            reasons.add("BACKGROUND");
        }
        return reasons;
    }
}
