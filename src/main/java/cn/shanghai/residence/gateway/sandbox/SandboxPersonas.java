package cn.shanghai.residence.gateway.sandbox;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.List;
import java.util.Optional;

import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.core.io.ClassPathResource;

/** The demo residents of the stubs ({@code stubs/personas.json}), one per situation of the service. */
public final class SandboxPersonas {

    private final List<Persona> personas;

    SandboxPersonas() {
        try (InputStream in = new ClassPathResource("stubs/personas.json").getInputStream()) {
            personas = List.copyOf(JsonMapper.builder().build().readValue(in, new TypeReference<List<Persona>>() { }));
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read stubs/personas.json", e);
        }
    }

    public List<Persona> all() {
        return personas;
    }

    public Optional<Persona> byId(String id) {
        return personas.stream().filter(p -> p.id().equals(id)).findFirst();
    }

    /** A demo resident: person id (the token's {@code sub}), Chinese name, situation key and description. */
    public record Persona(String id, String name, String situation, String description) {
    }
}
