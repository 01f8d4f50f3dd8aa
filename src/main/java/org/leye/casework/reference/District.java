package org.leye.casework.reference;

/**
 * A county-level unit of the city (区/县级市), identified by its administrative code.
 *
 * @param nameHant the name in traditional script, which input may use
 */
public record District(String code, String name, String nameHant) {
}
