package org.leye.casework.graduates;

/** Difficulty categories (困难类别): 脱贫家庭, 低保家庭, 零就业家庭, 残疾, 其他. */
public enum Difficulty {
    POVERTY_ALLEVIATED, SUBSISTENCE_ALLOWANCE, ZERO_EMPLOYMENT, DISABILITY, OTHER
}
