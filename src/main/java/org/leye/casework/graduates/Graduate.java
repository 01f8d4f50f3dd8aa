package org.leye.casework.graduates;

import java.time.Instant;
import java.time.LocalDate;
import java.util.Collection;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

import jakarta.persistence.CollectionTable;
import jakarta.persistence.Column;
import jakarta.persistence.ElementCollection;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.FetchType;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.Table;
import jakarta.persistence.Version;

import org.leye.casework.shared.jpa.BaseEntity;

/**
 * A graduate in the registry. Personal identifiers are held only encrypted, with a keyed hash for
 * exact look-up and a masked form for display; state changes through the methods below.
 */
@Entity
@Table(name = "graduate")
public class Graduate extends BaseEntity {

    private String name;

    private String nameSort;

    private String nameFold;

    private Long mergedInto;

    private String idNumberHash;

    private String idNumberEnc;

    private String idNumberMasked;

    /**
     * The keyed hash of the folded name and the birth date (db/V22): the probable-duplicate look-up
     * finds the same person by it, and the birth date itself, the hidden middle of the masked ID
     * number, is stored nowhere in clear.
     */
    private String nameBirthHash;

    @Enumerated(EnumType.STRING)
    private Gender gender;

    private String phoneEnc;

    private String phoneHash;

    private String phoneMasked;

    private String universityCode;

    private String universityName;

    private String major;

    @Enumerated(EnumType.STRING)
    private Degree degree;

    private int graduationYear;

    private String districtCode;

    private String address;

    private Boolean willingToWork;

    private String caseNumber;

    /** The case's responsible caseworker (cases.CaseFile's owner), written with it. */
    private String caseOwner;

    @Enumerated(EnumType.STRING)
    private GraduateStatus status;

    private String destinationCode;

    private LocalDate destinationDate;

    private String destinationEmployer;

    /** The destination is a public-welfare post (公益性岗位), recorded under the code of the job (db/V34_5). */
    private boolean destinationPublicWelfare;

    private Instant registeredAt;

    private String registeredBy;

    @Version
    private long version;

    @ElementCollection(fetch = FetchType.EAGER)
    @CollectionTable(name = "graduate_difficulty", joinColumns = @JoinColumn(name = "graduate_id"))
    @Column(name = "difficulty")
    @Enumerated(EnumType.STRING)
    private Set<Difficulty> difficulties = new HashSet<>();

    /**
     * Whether {@link #difficulties} holds any, kept on the row for the compliance report's index
     * (db/V19); written at registration and by {@link #addDifficulties} (found in difficulty later).
     */
    private boolean inDifficulty;

    /**
     * When {@link #inDifficulty} became true for a graduate found in difficulty after registration;
     * null for one in difficulty since registration (or not at all). The progress report counts the
     * graduates in difficulty as of a past day from it (db/V34_9).
     */
    private Instant inDifficultySince;

    @ElementCollection(fetch = FetchType.EAGER)
    @CollectionTable(name = "graduate_source", joinColumns = @JoinColumn(name = "graduate_id"))
    @Column(name = "source")
    @Enumerated(EnumType.STRING)
    private Set<Source> sources = new HashSet<>();

    protected Graduate() {
    }

    Graduate(Identity identity, Study study, String districtCode, String address, Set<Difficulty> difficulties,
            Source source, Boolean willingToWork, String registeredBy, Instant registeredAt) {
        this.name = identity.name();
        this.nameSort = identity.nameSort();
        this.nameFold = NameFold.of(identity.name());
        this.idNumberHash = identity.idNumberHash();
        this.idNumberEnc = identity.idNumberEnc();
        this.idNumberMasked = identity.idNumberMasked();
        this.nameBirthHash = identity.nameBirthHash();
        this.gender = identity.gender();
        this.phoneEnc = identity.phoneEnc();
        this.phoneHash = identity.phoneHash();
        this.phoneMasked = identity.phoneMasked();
        this.universityCode = study.universityCode();
        this.universityName = study.universityName();
        this.major = study.major();
        this.degree = study.degree();
        this.graduationYear = study.graduationYear();
        this.districtCode = districtCode;
        this.address = address;
        this.difficulties.addAll(difficulties);
        this.inDifficulty = !this.difficulties.isEmpty();
        this.sources.add(source);
        this.willingToWork = willingToWork;
        this.status = GraduateStatus.REGISTERED;
        this.registeredBy = registeredBy;
        this.registeredAt = registeredAt;
    }

    /** The column of the encrypted ID number: the cipher's associated data. */
    static final String ID_NUMBER_COLUMN = "graduate.id_number";
    /** The column of the encrypted phone number. */
    static final String PHONE_COLUMN = "graduate.phone";

    /** The identifying fields, already encrypted, hashed and masked. */
    record Identity(String name, String nameSort, String idNumberHash, String idNumberEnc, String idNumberMasked,
            String nameBirthHash, Gender gender, String phoneEnc, String phoneHash, String phoneMasked) {
    }

    /** Where and what the graduate studied. */
    record Study(String universityCode, String universityName, String major, Degree degree, int graduationYear) {
    }

    /** A 131 case was opened for this graduate. */
    /** The case's responsible caseworker changed (null: none). */
    public void caseOwnedBy(String owner) {
        this.caseOwner = owner;
    }

    public String getCaseOwner() {
        return caseOwner;
    }

    public void caseOpened(String caseNumber) {
        this.caseNumber = caseNumber;
        this.status = GraduateStatus.IN_SERVICE;
    }

    /** The graduate came to the service again by another route: the source is kept, no second case. */
    public boolean addSource(Source source) {
        return sources.add(source);
    }

    void markLostContact() {
        if (status == GraduateStatus.IN_SERVICE) {
            status = GraduateStatus.LOST_CONTACT;
        }
    }

    void markReached() {
        if (status == GraduateStatus.LOST_CONTACT) {
            status = GraduateStatus.IN_SERVICE;
        }
    }

    void recordWillingness(boolean wantsJob) {
        this.willingToWork = wantsJob;
    }

    /**
     * Registers the destination, a public-welfare post or not; answers whether it places the graduate
     * (which closes the case). A public-welfare post must be a job that can be one.
     */
    public boolean registerDestination(Destination destination, boolean publicWelfare, LocalDate date,
            String employer) {
        if (publicWelfare && !destination.mayBePublicWelfare()) {
            throw new IllegalArgumentException("A public-welfare post cannot be destination " + destination.code());
        }
        this.destinationCode = destination.code();
        this.destinationPublicWelfare = publicWelfare;
        this.destinationDate = date;
        this.destinationEmployer = employer;
        if (destination.placed()) {
            this.status = GraduateStatus.PLACED;
        }
        return destination.placed();
    }

    public void caseClosed() {
        if (status != GraduateStatus.PLACED) {
            status = GraduateStatus.CLOSED;
        }
    }

    public void caseReopened() {
        status = GraduateStatus.IN_SERVICE;
    }

    public void moveTo(String newDistrictCode) {
        this.districtCode = newDistrictCode;
    }

    /**
     * A student registered for one-to-one assistance who has no 131 case yet: still at school, seen
     * by their university, not by the district until handed over.
     */
    public boolean stillWithAssistance() {
        return caseNumber == null && sources.contains(Source.ASSISTANCE);
    }

    /** This graduate was registered twice: the record is merged into the kept one, whose ledger now includes this one's. */
    public void mergeInto(Long keptId) {
        if (keptId == null || keptId.equals(getId())) {
            throw new IllegalArgumentException("a graduate is merged into another");
        }
        if (mergedInto != null) {
            throw new org.leye.casework.shared.problem.ConflictException("problem.alreadyMerged", java.util.Map.of(), getId());
        }
        this.mergedInto = keptId;
    }

    /** A merge undone: the record stands on its own again. */
    public void unmerge() {
        this.mergedInto = null;
    }

    public boolean inDifficulty() {
        return !difficulties.isEmpty();
    }

    /**
     * Difficulty categories found after registration: added to those on the record, never removed.
     * Answers those that were new, in the categories' order (none: nothing changed).
     */
    List<Difficulty> addDifficulties(Collection<Difficulty> found, Instant at) {
        List<Difficulty> added = found.stream().distinct().sorted().filter(d -> !difficulties.contains(d)).toList();
        if (!inDifficulty && !added.isEmpty()) {
            inDifficultySince = at;
        }
        difficulties.addAll(added);
        inDifficulty = !difficulties.isEmpty();
        return added;
    }

    /** A correction of the phone (GraduateCorrections): the new number, already encrypted, hashed and masked. */
    void correctPhone(String enc, String hash, String masked) {
        this.phoneEnc = enc;
        this.phoneHash = hash;
        this.phoneMasked = masked;
    }

    /** A correction of the address, the major and the degree (GraduateCorrections). */
    void correctContactAndStudy(String address, String major, Degree degree) {
        this.address = address;
        this.major = major;
        this.degree = degree;
    }

    /** A correction of the willingness to work: stated yes or no, never back to unconfirmed. */
    void correctWillingness(boolean willing) {
        this.willingToWork = willing;
    }

    /**
     * A correction of the difficulty categories: the record holds exactly these from now on. A
     * graduate found in none before is in difficulty since {@code at}; one left with none is in
     * difficulty no longer, and no longer since any day (the categories were wrong, not ended).
     */
    void correctDifficulties(Collection<Difficulty> corrected, Instant at) {
        if (!inDifficulty && !corrected.isEmpty()) {
            inDifficultySince = at;
        }
        difficulties.retainAll(corrected);
        difficulties.addAll(corrected);
        inDifficulty = !difficulties.isEmpty();
        if (!inDifficulty) {
            inDifficultySince = null;
        }
    }

    public long getVersion() {
        return version;
    }

    public String getName() {
        return name;
    }

    public String getNameFold() {
        return nameFold;
    }

    public Long getMergedInto() {
        return mergedInto;
    }

    public String getIdNumberMasked() {
        return idNumberMasked;
    }

    String getIdNumberEnc() {
        return idNumberEnc;
    }

    String getPhoneEnc() {
        return phoneEnc;
    }

    public String getIdNumberHash() {
        return idNumberHash;
    }

    String getNameBirthHash() {
        return nameBirthHash;
    }

    public Gender getGender() {
        return gender;
    }

    public String getPhoneMasked() {
        return phoneMasked;
    }

    public String getPhoneHash() {
        return phoneHash;
    }

    public String getUniversityCode() {
        return universityCode;
    }

    public String getUniversityName() {
        return universityName;
    }

    public String getMajor() {
        return major;
    }

    public Degree getDegree() {
        return degree;
    }

    public int getGraduationYear() {
        return graduationYear;
    }

    public String getDistrictCode() {
        return districtCode;
    }

    public String getAddress() {
        return address;
    }

    /** True or false as established; null while unconfirmed (nobody has said). */
    public Boolean getWillingToWork() {
        return willingToWork;
    }

    public boolean isWillingToWork() {
        return Boolean.TRUE.equals(willingToWork);
    }

    public String getCaseNumber() {
        return caseNumber;
    }

    public GraduateStatus getStatus() {
        return status;
    }

    public String getDestinationCode() {
        return destinationCode;
    }

    public boolean isDestinationPublicWelfare() {
        return destinationPublicWelfare;
    }

    public LocalDate getDestinationDate() {
        return destinationDate;
    }

    public String getDestinationEmployer() {
        return destinationEmployer;
    }

    public Instant getRegisteredAt() {
        return registeredAt;
    }

    public String getRegisteredBy() {
        return registeredBy;
    }

    public Set<Difficulty> getDifficulties() {
        return Set.copyOf(difficulties);
    }

    public Set<Source> getSources() {
        return Set.copyOf(sources);
    }
}
