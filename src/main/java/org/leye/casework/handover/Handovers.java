package org.leye.casework.handover;

import java.util.List;
import java.util.Optional;

import org.springframework.data.jpa.repository.JpaRepository;

/** The hand-overs received. */
interface Handovers extends JpaRepository<Handover, Long> {

    Optional<Handover> findByContentHash(String contentHash);

    List<Handover> findByStatusOrderById(HandoverStatus status);
}
