package cn.shanghai.residence.gateway.bdc;

/** A service centre (社区事务受理服务中心) exactly as bdc returns it. */
public record BdcServiceCenter(String centerId, String name, String district, String address, String phone,
        String openingHours, Location location, boolean acceptsPermitPickup) {

    /** WGS84 coordinates of the centre. */
    public record Location(double lat, double lng) {
    }
}
