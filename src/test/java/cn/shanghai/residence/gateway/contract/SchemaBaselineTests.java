package cn.shanghai.residence.gateway.contract;

import java.io.IOException;
import java.nio.file.Files;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** The breaking-change rule on copies of the released schema changed by hand. */
class SchemaBaselineTests {

    private static String released;

    @BeforeAll
    static void readTheReleasedSchema() throws IOException {
        released = Files.readString(SchemaContractTests.BASELINE);
    }

    @Test
    void shouldFindNothingBreakingInTheReleasedSchemaItself() {
        assertThat(SchemaBaseline.breakingChanges(released, released)).isEmpty();
    }

    @Test
    void shouldNameARemovedField() {
        String served = changed("  \"E.g. 340***********1234; the full number never leaves the gateway.\"\n"
                + "  idNumberMasked: String!\n", "");
        assertThat(SchemaBaseline.breakingChanges(released, served))
                .anySatisfy(change -> assertThat(change).startsWith("Profile.idNumberMasked"));
    }

    @Test
    void shouldNameARemovedEnumValue() {
        String served = changed("enum ApplicationScope {\n  ALL\n", "enum ApplicationScope {\n");
        assertThat(SchemaBaseline.breakingChanges(released, served))
                .anySatisfy(change -> assertThat(change).startsWith("ApplicationScope").contains("ALL"));
    }

    @Test
    void shouldNameAChangedType() {
        String served = changed("  idNumberMasked: String!\n", "  idNumberMasked: Int!\n");
        assertThat(SchemaBaseline.breakingChanges(released, served))
                .anySatisfy(change -> assertThat(change).startsWith("Profile.idNumberMasked"));
    }

    @Test
    void shouldNameANewRequiredArgument() {
        String served = changed("  faqs(keyword: String): [Faq!]!", "  faqs(keyword: String, limit: Int!): [Faq!]!");
        assertThat(SchemaBaseline.breakingChanges(released, served))
                .anySatisfy(change -> assertThat(change).startsWith("Query.faqs").contains("limit"));
    }

    @Test
    void shouldLetAdditionsAndDeprecationsPass() {
        String served = changed("  faqs(keyword: String): [Faq!]!",
                "  faqs(keyword: String, limit: Int): [Faq!]!\n  faqCount: Int!");
        served = served.replace("  idNumberMasked: String!\n",
                "  idNumberMasked: String! @deprecated(reason: \"use idNumber\")\n");
        served = served + "\ntype Unused {\n  id: ID!\n}\n";
        assertThat(served).isNotEqualTo(released);
        assertThat(SchemaBaseline.breakingChanges(released, served)).isEmpty();
    }

    private static String changed(String from, String to) {
        assertThat(released).as("the released schema has " + from.strip()).contains(from);
        return released.replace(from, to);
    }
}
