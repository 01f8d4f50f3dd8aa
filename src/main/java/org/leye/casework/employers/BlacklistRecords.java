package org.leye.casework.employers;

import java.util.List;

import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Query;

interface BlacklistRecords extends JpaRepository<BlacklistRecord, Long> {

    /** An employer's blacklistings and liftings in time order (ix_employer_blacklisting_employer_at). */
    @Query("select r from BlacklistRecord r where r.employerId = ?1 order by r.at, r.id")
    List<BlacklistRecord> history(Long employerId);
}
