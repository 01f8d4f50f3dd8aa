-- Users of the application and, through the identity provider, of the engine and its webapps.
CREATE TABLE app_user (
    id              BIGINT       NOT NULL AUTO_INCREMENT PRIMARY KEY,
    username        VARCHAR(64)  NOT NULL,
    password_hash   VARCHAR(100) NOT NULL,
    display_name    VARCHAR(64)  NOT NULL,
    role            VARCHAR(16)  NOT NULL,
    district_code   VARCHAR(6),
    university_code VARCHAR(16),
    email           VARCHAR(128),
    enabled         BOOLEAN      NOT NULL,
    created_at      DATETIME(6)  NOT NULL,
    CONSTRAINT fk_app_user_district   FOREIGN KEY (district_code)   REFERENCES district (code),
    CONSTRAINT fk_app_user_university FOREIGN KEY (university_code) REFERENCES university (code)
);

-- serves: login and the engine's user look-up by id
CREATE UNIQUE INDEX ux_app_user_username ON app_user (username);
-- serves: the engine's group membership queries (caseworkers-<district>, counselors-<university>)
CREATE INDEX ix_app_user_role_district ON app_user (role, district_code);
CREATE INDEX ix_app_user_role_university ON app_user (role, university_code);
