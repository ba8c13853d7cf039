package cn.shanghai.residence.gateway.housing;

import java.time.LocalDate;

import cn.shanghai.residence.gateway.reference.Address;

/** A rental contract and its online filing (住房租赁合同网签备案). */
public record RentalContract(String contractId, String filingNo, Address address, Property.Usage usage,
        LocalDate startDate, LocalDate endDate, Status status, String licenseId) {

    public enum Status { FILED, PENDING_FILING, EXPIRED, TERMINATED }

    /** A filed, residential contract in force on {@code day}: proof of residence. */
    public boolean provesResidenceOn(LocalDate day) {
        return status == Status.FILED && usage != null && usage.residential()
                && (startDate == null || !startDate.isAfter(day)) && (endDate == null || !endDate.isBefore(day));
    }
}
