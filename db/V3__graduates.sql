-- The graduate registry. Personal identifiers are stored encrypted (AES-GCM) beside a keyed
-- hash (HMAC-SHA256) used for exact look-up, so a database dump does not reveal them.
CREATE TABLE graduate (
    id                  BIGINT       NOT NULL AUTO_INCREMENT PRIMARY KEY,
    name                VARCHAR(64)  NOT NULL,
    -- collation key of the name (zh-CN, pinyin order) as hex, so sorting is the same on H2 and MySQL
    name_sort           VARCHAR(256) NOT NULL,
    id_number_hash      VARCHAR(64)  NOT NULL,
    id_number_enc       VARCHAR(255) NOT NULL,
    id_number_masked    VARCHAR(18)  NOT NULL,
    birth_date          DATE         NOT NULL,
    gender              VARCHAR(8)   NOT NULL,
    phone_enc           VARCHAR(255),
    phone_hash          VARCHAR(64),
    phone_masked        VARCHAR(32),
    university_code     VARCHAR(16),
    university_name     VARCHAR(64)  NOT NULL,
    major               VARCHAR(64),
    degree              VARCHAR(16)  NOT NULL,
    graduation_year     INT          NOT NULL,
    district_code       VARCHAR(6)   NOT NULL,
    address             VARCHAR(255),
    willing_to_work     BOOLEAN      NOT NULL,
    -- the 131 case's number, kept here so that lists and searches by case number need no join
    case_number         VARCHAR(32),
    status              VARCHAR(16)  NOT NULL,
    destination_code    VARCHAR(32),
    destination_date    DATE,
    destination_employer VARCHAR(128),
    registered_at       DATETIME(6)  NOT NULL,
    registered_by       VARCHAR(64)  NOT NULL,
    version             BIGINT       NOT NULL,
    CONSTRAINT fk_graduate_district   FOREIGN KEY (district_code)   REFERENCES district (code),
    CONSTRAINT fk_graduate_university FOREIGN KEY (university_code) REFERENCES university (code)
);

-- serves: the duplicate check at registration (one graduate per ID number)
CREATE UNIQUE INDEX ux_graduate_id_number_hash ON graduate (id_number_hash);
-- serves: search by district, sorted by name (caseworker and supervisor lists)
CREATE INDEX ix_graduate_district_name ON graduate (district_code, name_sort);
-- serves: a counselor's list of their university's graduates
CREATE INDEX ix_graduate_university_name ON graduate (university_code, name_sort);
-- serves: search by name prefix
CREATE INDEX ix_graduate_name ON graduate (name);
-- serves: filter by status within a district
CREATE INDEX ix_graduate_district_status ON graduate (district_code, status);
-- serves: search by case number (q)
CREATE INDEX ix_graduate_case_number ON graduate (case_number);
-- serves: probable-duplicate detection by phone
CREATE INDEX ix_graduate_phone_hash ON graduate (phone_hash);

CREATE TABLE graduate_difficulty (
    graduate_id BIGINT      NOT NULL,
    difficulty  VARCHAR(32) NOT NULL,
    PRIMARY KEY (graduate_id, difficulty),
    CONSTRAINT fk_graduate_difficulty_graduate FOREIGN KEY (graduate_id) REFERENCES graduate (id)
);
-- serves: filter by difficulty category
CREATE INDEX ix_graduate_difficulty_difficulty ON graduate_difficulty (difficulty, graduate_id);

CREATE TABLE graduate_source (
    graduate_id BIGINT      NOT NULL,
    source      VARCHAR(32) NOT NULL,
    PRIMARY KEY (graduate_id, source),
    CONSTRAINT fk_graduate_source_graduate FOREIGN KEY (graduate_id) REFERENCES graduate (id)
);

CREATE TABLE employer (
    id                  BIGINT       NOT NULL AUTO_INCREMENT PRIMARY KEY,
    name                VARCHAR(128) NOT NULL,
    credit_code         VARCHAR(18),
    district_code       VARCHAR(6),
    contact             VARCHAR(64),
    blacklisted         BOOLEAN      NOT NULL,
    blacklist_reason    VARCHAR(500),
    blacklisted_at      DATETIME(6),
    blacklisted_by      VARCHAR(64),
    created_at          DATETIME(6)  NOT NULL,
    created_by          VARCHAR(64)  NOT NULL,
    version             BIGINT       NOT NULL,
    CONSTRAINT fk_employer_district FOREIGN KEY (district_code) REFERENCES district (code)
);
-- serves: one employer per name; referral by employer name finds the registered one
CREATE UNIQUE INDEX ux_employer_name ON employer (name);
-- serves: one employer per unified social credit code
CREATE UNIQUE INDEX ux_employer_credit_code ON employer (credit_code);
