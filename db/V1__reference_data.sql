-- Reference data: the county-level units of the city and the local universities.
CREATE TABLE district (
    code        VARCHAR(6)   NOT NULL PRIMARY KEY,
    name        VARCHAR(32)  NOT NULL,
    name_hant   VARCHAR(32)  NOT NULL
);

INSERT INTO district (code, name, name_hant) VALUES
    ('440703', '蓬江区', '蓬江區'),
    ('440704', '江海区', '江海區'),
    ('440705', '新会区', '新會區'),
    ('440781', '台山市', '台山市'),
    ('440783', '开平市', '開平市'),
    ('440784', '鹤山市', '鶴山市'),
    ('440785', '恩平市', '恩平市');

CREATE TABLE university (
    code        VARCHAR(16)  NOT NULL PRIMARY KEY,
    name        VARCHAR(64)  NOT NULL,
    name_hant   VARCHAR(64)  NOT NULL,
    local_university BOOLEAN NOT NULL
);

-- serves: resolving a university given by name in a registration or a hand-over row
CREATE UNIQUE INDEX ux_university_name ON university (name);

INSERT INTO university (code, name, name_hant, local_university) VALUES
    ('WYU',    '五邑大学',                   '五邑大學',                   TRUE),
    ('JMPT',   '江门职业技术学院',           '江門職業技術學院',           TRUE),
    ('GDJMTCM','广东江门中医药职业学院',     '廣東江門中醫藥職業學院',     TRUE),
    ('GDNF',   '广东南方职业学院',           '廣東南方職業學院',           TRUE),
    ('GDJMPC', '广东江门幼儿师范高等专科学校','廣東江門幼兒師范高等專科學校',TRUE),
    ('GDPTJM', '广东邮电职业技术学院（江门校区）','廣東郵電職業技術學院(江門校區)',TRUE);
