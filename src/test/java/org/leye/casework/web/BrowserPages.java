package org.leye.casework.web;

import java.io.IOException;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeEach;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * What the browser tests of the pages share: the application on its port, the REST client for their
 * set-up, and one headless Chromium per test class, started before its first test and closed after
 * its last. Each test class still says {@code @IntegrationTest} and
 * {@code @ExtendWith(BrowserAvailable.class)} itself, so that it is skipped (or, in CI, failed) where no
 * Chromium is installed.
 */
abstract class BrowserPages {

    static Browser browser;

    @LocalServerPort
    int port;

    @Autowired
    TestRestTemplate rest;

    @BeforeEach
    void startBrowser() throws IOException {
        if (browser == null) {
            browser = new Browser(port);
        }
    }

    @AfterAll
    static void stopBrowser() throws IOException {
        if (browser != null) {
            browser.close();
            browser = null;
        }
    }
}
