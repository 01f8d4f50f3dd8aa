package org.leye.casework.shared.jpa;

import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.MappedSuperclass;

/**
 * The number of a row of ours that the database gives on insert (an {@code id} column, auto-increment),
 * mapped once for the entities that have one (as spring-petclinic's {@code BaseEntity}).
 */
@MappedSuperclass
public abstract class BaseEntity {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    /** The row's number; none before the first flush. */
    public Long getId() {
        return id;
    }
}
