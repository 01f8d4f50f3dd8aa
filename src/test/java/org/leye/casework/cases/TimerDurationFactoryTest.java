package org.leye.casework.cases;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Date;

import javax.xml.datatype.DatatypeFactory;

import org.camunda.bpm.engine.impl.calendar.DurationHelper;
import org.junit.jupiter.api.Test;

class TimerDurationFactoryTest {

    @Test
    void theEngineReadsTimerDurationsThroughTheJdksFactoryOnceItIsNamed() throws Exception {
        String before = System.getProperty(DatatypeFactory.DATATYPEFACTORY_PROPERTY);
        try {
            System.clearProperty(DatatypeFactory.DATATYPEFACTORY_PROPERTY);
            new TimerDurationFactory().preInit(null);

            assertThat(System.getProperty(DatatypeFactory.DATATYPEFACTORY_PROPERTY))
                    .isEqualTo(DatatypeFactory.DATATYPEFACTORY_IMPLEMENTATION_CLASS);
            assertThat(DatatypeFactory.newInstance().getClass().getName())
                    .isEqualTo(DatatypeFactory.DATATYPEFACTORY_IMPLEMENTATION_CLASS);
            Date start = new Date(0);
            assertThat(new DurationHelper("PT48H", start).getDateAfter(start)).isEqualTo(new Date(48L * 3600 * 1000));
        } finally {
            restore(before);
        }
    }

    @Test
    void aFactoryNamedOnTheCommandLineIsKept() {
        assertThat(TimerDurationFactory.factoryName("org.example.OperatorsFactory"))
                .isEqualTo("org.example.OperatorsFactory");
        assertThat(TimerDurationFactory.factoryName(null)).isEqualTo(DatatypeFactory.DATATYPEFACTORY_IMPLEMENTATION_CLASS);
    }

    private static void restore(String value) {
        if (value == null) {
            System.clearProperty(DatatypeFactory.DATATYPEFACTORY_PROPERTY);
        } else {
            System.setProperty(DatatypeFactory.DATATYPEFACTORY_PROPERTY, value);
        }
    }
}
