package cn.shanghai.residence.gateway.bdc;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import org.jspecify.annotations.Nullable;
/** A service centre (社区事务受理服务中心) exactly as bdc returns it. */
public record BdcServiceCenter(@NotBlank String centerId, @NotBlank String name, @NotBlank String district,
        @NotBlank String address, @Nullable String phone, @Nullable String openingHours,
        @Valid @Nullable Location location,
        boolean acceptsPermitPickup) {

    /** WGS84 coordinates of the centre. */
    public record Location(double lat, double lng) {
    }
}
