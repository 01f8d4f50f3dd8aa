package org.leye.casework.shared.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Properties;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;

/** Every message the code names exists in Chinese and in English, and the two files hold the same keys. */
class MessagesTest {

    private static final Pattern KEY = Pattern.compile("\"((?:problem|validation|notification)\\.[A-Za-z0-9.]+[A-Za-z0-9])\"");
    private static final Pattern NOT_FOUND = Pattern.compile("new NotFoundException\\(\"([a-zA-Z]+)\"");

    @Test
    void chineseAndEnglishMessagesHaveTheSameKeys() throws IOException {
        assertThat(load("messages_en.properties").stringPropertyNames())
                .containsExactlyInAnyOrderElementsOf(load("messages.properties").stringPropertyNames());
    }

    @Test
    void everyMessageKeyInTheCodeExists() throws IOException {
        Set<String> used = new TreeSet<>();
        try (Stream<Path> files = Files.walk(Path.of("src/main/java"))) {
            for (Path file : files.filter(p -> p.toString().endsWith(".java")).toList()) {
                String source = Files.readString(file);
                Matcher m = KEY.matcher(source);
                while (m.find()) {
                    used.add(m.group(1));
                }
                Matcher nf = NOT_FOUND.matcher(source);
                while (nf.find()) {
                    used.add("problem.notFound." + nf.group(1));
                }
            }
        }
        assertThat(used).isNotEmpty();
        for (String file : new String[] { "messages.properties", "messages_en.properties" }) {
            assertThat(load(file).stringPropertyNames()).as(file).containsAll(used);
        }
    }

    private static Properties load(String name) throws IOException {
        Properties p = new Properties();
        try (InputStream in = MessagesTest.class.getClassLoader().getResourceAsStream(name)) {
            p.load(new InputStreamReader(in, StandardCharsets.UTF_8));
        }
        return p;
    }
}
