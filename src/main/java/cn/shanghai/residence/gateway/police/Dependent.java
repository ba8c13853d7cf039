package cn.shanghai.residence.gateway.police;

import java.time.LocalDate;

/** A minor under the person's guardianship, as police records the relation. */
public record Dependent(String personId, String name, LocalDate birthDate, String relation) {

    @Override
    public String toString() {
        return "Dependent[personId=" + personId + ", relation=" + relation + "]";
    }
}
