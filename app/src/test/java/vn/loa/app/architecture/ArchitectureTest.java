package vn.loa.app.architecture;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The dependency rules of docs/architecture.md, checked on the compiled classes of every module. */
class ArchitectureTest {

    private static JavaClasses loa;

    @BeforeAll
    static void importClasses() {
        loa = new ClassFileImporter()
                .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
                .importPackages("vn.loa");
    }

    @Test
    void theDomainUsesOnlyTheJdkConnectorsAndTemplates() {
        classes()
                .that()
                .resideInAPackage("vn.loa.campaigns..")
                .should()
                .onlyDependOnClassesThat()
                .resideInAnyPackage("java..", "vn.loa.campaigns..", "vn.loa.connectors..", "vn.loa.templates..")
                .because("the domain is free of web, persistence, scheduling and platform code")
                .check(loa);
    }

    @Test
    void connectorsAndTemplatesKnowNothingOfCampaignsOrTheApp() {
        noClasses()
                .that()
                .resideInAnyPackage("vn.loa.connectors..", "vn.loa.templates..")
                .should()
                .dependOnClassesThat()
                .resideInAnyPackage("vn.loa.campaigns..", "vn.loa.app..")
                .check(loa);
    }

    @Test
    void templatesDoNotCallPlatforms() {
        noClasses()
                .that()
                .resideInAPackage("vn.loa.templates..")
                .should()
                .dependOnClassesThat()
                .resideInAnyPackage("com.restfb..", "com.google..", "java.net.http..")
                .check(loa);
    }

    @Test
    void onlyTheirConnectorPackagesTouchPlatformClientLibraries() {
        noClasses()
                .that()
                .resideOutsideOfPackage("vn.loa.connectors.facebook..")
                .should()
                .dependOnClassesThat()
                .resideInAPackage("com.restfb..")
                .check(loa);
        noClasses()
                .that()
                .resideOutsideOfPackage("vn.loa.connectors.youtube..")
                .should()
                .dependOnClassesThat()
                .resideInAnyPackage("com.google.api..", "com.google.auth..")
                .check(loa);
        noClasses()
                .that()
                .resideOutsideOfPackage("vn.loa.connectors.zalo..")
                .should()
                .dependOnClassesThat()
                .resideInAPackage("vn.loa.connectors.zalo.client..")
                .allowEmptyShould(true)
                .check(loa);
    }

    @Test
    void theDomainNeverTouchesQuartzBatchOrSpringWeb() {
        noClasses()
                .that()
                .resideInAnyPackage("vn.loa.campaigns..", "vn.loa.connectors..", "vn.loa.templates..")
                .should()
                .dependOnClassesThat()
                .resideInAnyPackage(
                        "org.quartz..", "org.springframework.batch..", "org.springframework.web..", "jakarta.servlet..")
                .check(loa);
    }
}
