package cn.shanghai.residence.gateway;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import graphql.language.EnumTypeDefinition;
import graphql.language.EnumValueDefinition;
import graphql.schema.idl.SchemaParser;
import graphql.schema.idl.TypeDefinitionRegistry;
import org.junit.jupiter.api.Test;

import cn.shanghai.residence.gateway.bdc.ELicense;
import cn.shanghai.residence.gateway.bdc.Photo;
import cn.shanghai.residence.gateway.bdc.Profile;
import cn.shanghai.residence.gateway.citizen.Journey;
import cn.shanghai.residence.gateway.citizen.Reminder;
import cn.shanghai.residence.gateway.housing.Property;
import cn.shanghai.residence.gateway.housing.RentalContract;
import cn.shanghai.residence.gateway.police.Application;
import cn.shanghai.residence.gateway.police.ResidencePermit;
import cn.shanghai.residence.gateway.police.ResidenceRegistration;
import cn.shanghai.residence.gateway.postal.Shipment;
import cn.shanghai.residence.gateway.submission.UserError;
import cn.shanghai.residence.gateway.web.ErrorCode;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Every Java enum the schema serves has exactly the schema enum's values: a constant added on one side only (a new
 * journey action, an UNKNOWN fallback) would fail at the first response that carries it, not at build time.
 */
class SchemaEnumsTests {

    private static final Map<String, Class<? extends Enum<?>>> SERVED = Map.ofEntries(
            Map.entry("JourneyStage", Journey.Stage.class),
            Map.entry("JourneyActionCode", Journey.ActionCode.class),
            Map.entry("BlockerCode", Journey.BlockerCode.class),
            Map.entry("ReminderKind", Reminder.Kind.class),
            Map.entry("ApplicationKind", Application.Kind.class),
            Map.entry("ApplicationStatus", Application.Status.class),
            Map.entry("DeliveryMethod", Application.DeliveryMethod.class),
            Map.entry("RegistrationStatus", ResidenceRegistration.Status.class),
            Map.entry("ResidenceType", ResidenceRegistration.ResidenceType.class),
            Map.entry("PermitStatus", ResidencePermit.Status.class),
            Map.entry("Gender", Profile.Gender.class),
            Map.entry("ELicenseType", ELicense.Type.class),
            Map.entry("ELicenseStatus", ELicense.Status.class),
            Map.entry("PhotoSource", Photo.Source.class),
            Map.entry("PhotoBackground", Photo.Background.class),
            Map.entry("PhotoStatus", Photo.Status.class),
            Map.entry("HousingUsage", Property.Usage.class),
            Map.entry("RentalContractStatus", RentalContract.Status.class),
            Map.entry("ShipmentStatus", Shipment.Status.class),
            Map.entry("ErrorCode", ErrorCode.class),
            Map.entry("UserErrorCode", UserError.Code.class));

    @Test
    void shouldServeEveryJavaEnumWithExactlyTheSchemasValues() throws IOException {
        TypeDefinitionRegistry schema = schema();

        SERVED.forEach((name, type) -> assertThat(values(schema, name)).as(name)
                .containsExactlyInAnyOrderElementsOf(Arrays.stream(type.getEnumConstants()).map(Enum::name).toList()));
    }

    @Test
    void shouldNameEveryPhotoStatusButUsableAsAProblem() throws IOException {
        assertThat(values(schema(), "PhotoProblem")).containsAll(Arrays.stream(Photo.Status.values())
                .filter(status -> status != Photo.Status.USABLE).map(status -> "STATUS_" + status).toList());
    }

    private static List<String> values(TypeDefinitionRegistry schema, String name) {
        return schema.getType(name, EnumTypeDefinition.class).orElseThrow().getEnumValueDefinitions().stream()
                .map(EnumValueDefinition::getName).toList();
    }

    private static TypeDefinitionRegistry schema() throws IOException {
        TypeDefinitionRegistry registry = new TypeDefinitionRegistry();
        try (Stream<Path> files = Files.list(Path.of("schema"))) {
            for (Path file : files.filter(f -> f.toString().endsWith(".graphqls")).sorted().toList()) {
                registry.merge(new SchemaParser().parse(Files.readString(file)));
            }
        }
        return registry;
    }
}
