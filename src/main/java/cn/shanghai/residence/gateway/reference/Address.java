package cn.shanghai.residence.gateway.reference;

import java.text.Normalizer;
import java.util.Objects;

import jakarta.validation.constraints.NotBlank;

/** A Shanghai address as police and housing both hold it: district (e.g. 浦东新区), street, and the rest. */
public record Address(@NotBlank String district, @NotBlank String street, @NotBlank String detail) {

    /**
     * Whether two addresses name the same home, ignoring white space and the difference between full-width and
     * half-width digits, letters and signs (NFKC compatibility form: ８８弄 is 88弄).
     */
    public boolean sameHomeAs(Address other) {
        return other != null && Objects.equals(normalized(district), normalized(other.district))
                && Objects.equals(normalized(street), normalized(other.street))
                && Objects.equals(normalized(detail), normalized(other.detail));
    }

    private static String normalized(String part) {
        return part == null ? "" : Normalizer.normalize(part, Normalizer.Form.NFKC).replaceAll("\\s+", "");
    }

    @Override
    public String toString() {
        return "Address[district=" + district + ", street and detail withheld]";
    }
}
