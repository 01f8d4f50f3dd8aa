package org.leye.casework.assistance;

/**
 * How a graduate in difficulty came to their named helper (两个百分百: every one has one, whatever
 * the route): at school, the one-to-one assistance of a final-year student that the university
 * registers; at the bureau, any other route (registered by a caseworker, handed over by a
 * university), whose helper the district's caseworkers name.
 */
public enum AssistanceRoute {
    SCHOOL, BUREAU
}
