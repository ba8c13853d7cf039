package cn.shanghai.residence.gateway.person;

/** The GraphQL {@code Citizen}: just the person id; every section is fetched by its own field when asked for. */
public record Citizen(String personId) {
}
