package cn.shanghai.residence.gateway.i18n;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.text.MessageFormat;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Properties;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;

import cn.shanghai.residence.gateway.police.Application;
import cn.shanghai.residence.gateway.postal.Shipment;
import cn.shanghai.residence.gateway.submission.UserError;
import cn.shanghai.residence.gateway.upstream.Upstream;
import cn.shanghai.residence.gateway.web.ErrorCode;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The bundles say everything in both languages and each in one: the same keys in both files, no "中文 / English" glue,
 * every message a valid MessageFormat pattern, a message for every code, and every key the code names exists.
 */
class MessageBundlesTests {

    private static final Pattern HAN = Pattern.compile("\\p{IsHan}");
    private static final Pattern LITERAL = Pattern.compile("\"((?:[^\"\\\\\n]|\\\\.)*)\"");
    private static final Pattern KEY_IN_CODE = Pattern.compile(
            "Text\\.(?:of|key)\\(\\s*\"([A-Za-z0-9_.]+)\"\\s*[,)]");

    private final Properties chinese = bundle("i18n/messages_zh_CN.properties");
    private final Properties english = bundle("i18n/messages_en.properties");

    @Test
    void shouldHaveTheSameKeysInBothLanguages() {
        assertThat(chinese.stringPropertyNames()).hasSizeGreaterThan(100)
                .containsExactlyInAnyOrderElementsOf(english.stringPropertyNames());
    }

    @Test
    void shouldSayEachMessageInOneLanguageOnly() {
        chinese.forEach((key, message) -> assertThat((String) message).as("zh %s", key)
                .doesNotContain(" / ").containsPattern(HAN));
        english.forEach((key, message) -> assertThat((String) message).as("en %s", key)
                .doesNotContain(" / ").doesNotContainPattern(HAN));
    }

    @Test
    void shouldParseEveryMessageAsAMessageFormatWithTheSameArguments() {
        for (String key : chinese.stringPropertyNames()) {
            MessageFormat zh = new MessageFormat(chinese.getProperty(key), Locale.SIMPLIFIED_CHINESE);
            MessageFormat en = new MessageFormat(english.getProperty(key), Locale.ENGLISH);
            assertThat(en.getFormatsByArgumentIndex()).as(key).hasSameSizeAs(zh.getFormatsByArgumentIndex());
            assertThat(english.getProperty(key)).as("an apostrophe is written '' in %s", key)
                    .doesNotContainPattern("(?<!')'(?!')");
        }
    }

    @Test
    void shouldHaveAMessageForEveryErrorCodeAndEveryUserErrorCode() {
        assertThat(Arrays.stream(ErrorCode.values()).map(code -> "error." + code.name()))
                .allSatisfy(this::inBoth);
        assertThat(Arrays.stream(UserError.Code.values()).map(code -> "userError." + code.name()))
                .allSatisfy(this::inBoth);
    }

    @Test
    void shouldNameEveryKindStatusAndAgencyTheMessagesMention() {
        assertThat(Arrays.stream(Application.Kind.values()).map(kind -> "kind." + kind.name())).allSatisfy(this::inBoth);
        assertThat(Arrays.stream(Shipment.Status.values()).map(status -> "parcel." + status.name()))
                .allSatisfy(this::inBoth);
        assertThat(Arrays.stream(Upstream.values()).map(upstream -> "upstream." + upstream.id()))
                .allSatisfy(this::inBoth);
    }

    @Test
    void shouldHaveEveryKeyTheCodeNames() throws IOException {
        Set<String> named = new TreeSet<>();
        try (Stream<Path> files = Files.walk(Path.of("src/main/java"))) {
            for (Path file : files.filter(f -> f.toString().endsWith(".java")).toList()) {
                Matcher key = KEY_IN_CODE.matcher(Files.readString(file));
                while (key.find()) {
                    named.add(key.group(1));
                }
            }
        }
        assertThat(named).hasSizeGreaterThan(100).allSatisfy(this::inBoth);
    }

    /**
     * A message written "中文 / English" in the code (e.g. one merged from a branch that predates the bundles) fails
     * here: split it into a key of each bundle and pass {@code Text.of(key, arguments…)} instead (README, Languages).
     */
    @Test
    void shouldKeepNoBilingualMessageInTheCode() throws IOException {
        List<String> glued = new ArrayList<>();
        try (Stream<Path> files = Files.walk(Path.of("src/main/java"))) {
            for (Path file : files.filter(f -> f.toString().endsWith(".java")).toList()) {
                Matcher literal = LITERAL.matcher(Files.readString(file));
                while (literal.find()) {
                    String text = literal.group(1);
                    if (HAN.matcher(text).find() && (text.contains(" / ") || text.endsWith(" /"))) {
                        glued.add(file.getFileName() + ": " + text);
                    }
                }
            }
        }
        assertThat(glued).isEmpty();
    }

    @Test
    void shouldRenderArgumentsAndKeyedArgumentsInTheLanguageAsked() {
        Messages messages = Messages.bundles();
        Text refused = Text.of("application.REJECTED.note", Text.key("kind.RESIDENCE_REGISTRATION"), "材料不全");

        assertThat(messages.render(refused, Languages.CHINESE)).isEqualTo("居住登记未通过：材料不全");
        assertThat(messages.render(refused, Languages.ENGLISH)).isEqualTo("Your residence registration was refused: 材料不全");
        assertThat(messages.render(Text.of("error.RATE_LIMITED", 12345), Languages.ENGLISH))
                .isEqualTo("Too many requests; retry in 12345 s");
        assertThat(messages.render(Text.of("reminder.ENDORSEMENT_DUE", "2027-01-10"), Languages.ENGLISH))
                .isEqualTo("The permit's endorsement expires on 2027-01-10");
        assertThat(messages.render(Text.of("journey.blocker.PERMIT_LOST"), Locale.GERMAN)).isEqualTo("居住证已挂失");
    }

    private void inBoth(String key) {
        assertThat(chinese).as("zh").containsKey(key);
        assertThat(english).as("en").containsKey(key);
    }

    private static Properties bundle(String resource) {
        Properties bundle = new Properties();
        try (InputStream in = MessageBundlesTests.class.getClassLoader().getResourceAsStream(resource)) {
            assertThat(in).as(resource).isNotNull();
            bundle.load(new InputStreamReader(in, StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
        return bundle;
    }
}
