package org.leye.casework.support;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Properties;
import java.util.Set;

/** The keys of a messages bundle as the application reads it (UTF-8), for the tests that pages name only what exists. */
public final class MessageBundles {

    private MessageBundles() {
    }

    public static Set<String> keys(String bundle) {
        Properties p = new Properties();
        try (InputStream in = MessageBundles.class.getClassLoader().getResourceAsStream(bundle)) {
            p.load(new InputStreamReader(in, StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return p.stringPropertyNames();
    }
}
