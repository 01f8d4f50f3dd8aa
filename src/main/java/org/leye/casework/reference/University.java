package org.leye.casework.reference;

/**
 * A university known to the city; graduates of other universities are kept by name only.
 *
 * @param nameHant the name in traditional script, which input may use
 * @param local whether it is one of the city's own universities
 */
public record University(String code, String name, String nameHant, boolean local) {
}
