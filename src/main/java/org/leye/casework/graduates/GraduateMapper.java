package org.leye.casework.graduates;

import org.mapstruct.Mapper;
import org.mapstruct.Mapping;

/** Entity to API view. The personal identifiers are only ever mapped from their masked forms. */
@Mapper
public interface GraduateMapper {

    @Mapping(target = "idNumber", source = "idNumberMasked")
    @Mapping(target = "phone", source = "phoneMasked")
    @Mapping(target = "university", source = "universityName")
    @Mapping(target = "district", source = "districtCode")
    @Mapping(target = "destination", expression = "java(destination(graduate))")
    GraduateView toView(Graduate graduate);

    default GraduateView.DestinationView destination(Graduate graduate) {
        if (graduate.getDestinationCode() == null) {
            return null;
        }
        String group = Destination.ofCode(graduate.getDestinationCode()).map(d -> d.group().name()).orElse(null);
        return new GraduateView.DestinationView(graduate.getDestinationCode(), group, graduate.getDestinationDate(),
                graduate.getDestinationEmployer());
    }
}
