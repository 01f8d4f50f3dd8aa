package org.leye.casework.graduates;

import java.time.Clock;
import java.time.LocalDate;
import java.time.Period;

import org.leye.casework.shared.CityTime;
import org.leye.casework.shared.crypto.PersonalDataCipher;
import org.mapstruct.Mapper;
import org.mapstruct.Mapping;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * Entity to API view. The personal identifiers are only ever mapped from their masked forms; the
 * age is worked out in memory from the encrypted ID number, so that no birth date is stored or
 * shown beside the masked one.
 */
@Mapper
public abstract class GraduateMapper {

    @Autowired
    PersonalDataCipher cipher;

    @Autowired
    Clock clock;

    @Mapping(target = "idNumber", source = "idNumberMasked")
    @Mapping(target = "phone", source = "phoneMasked")
    @Mapping(target = "university", source = "universityName")
    @Mapping(target = "district", source = "districtCode")
    @Mapping(target = "owner", source = "caseOwner")
    @Mapping(target = "age", expression = "java(age(graduate))")
    @Mapping(target = "destination", expression = "java(destination(graduate))")
    public abstract GraduateView toView(Graduate graduate);

    int age(Graduate graduate) {
        LocalDate birth = ResidentIds.birthDate(cipher.decrypt(graduate.getIdNumberEnc(), Graduate.ID_NUMBER_COLUMN));
        return Period.between(birth, CityTime.today(clock)).getYears();
    }

    GraduateView.DestinationView destination(Graduate graduate) {
        if (graduate.getDestinationCode() == null) {
            return null;
        }
        String group = Destination.ofCode(graduate.getDestinationCode()).map(d -> d.group().name()).orElse(null);
        return new GraduateView.DestinationView(graduate.getDestinationCode(), group,
                graduate.isDestinationPublicWelfare(), graduate.getDestinationDate(),
                graduate.getDestinationEmployer());
    }
}
