package io.newsdesk;

import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.Test;

/** The packages of the application (main classes only) depend on each other without cycles. */
class ArchitectureTest {

    @Test
    void noPackageCycles() {
        JavaClasses application = new ClassFileImporter()
                .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
                .importPackages("io.newsdesk");
        slices().matching("io.newsdesk.(*)..").should().beFreeOfCycles().check(application);
    }
}
