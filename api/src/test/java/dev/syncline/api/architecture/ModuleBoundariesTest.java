package dev.syncline.api.architecture;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;

/** The module boundaries of DESIGN.md, checked on the compiled classes of every module. */
@AnalyzeClasses(packages = "dev.syncline", importOptions = ImportOption.DoNotIncludeTests.class)
class ModuleBoundariesTest {

    @ArchTest
    static final ArchRule messagesAreOnlyRecordsAndEnumsWithoutFrameworks = noClasses()
            .that().resideInAPackage("dev.syncline.messages..")
            .should().dependOnClassesThat().resideInAnyPackage("org.springframework..", "jakarta.persistence..",
                    "dev.syncline.command..", "dev.syncline.query..", "dev.syncline.sagas..", "dev.syncline.providers..",
                    "dev.syncline.api..", "dev.syncline.emulator..");

    @ArchTest
    static final ArchRule querySideNeverDependsOnCommandSide = noClasses()
            .that().resideInAPackage("dev.syncline.query..")
            .should().dependOnClassesThat().resideInAnyPackage("dev.syncline.command..", "dev.syncline.sagas..",
                    "dev.syncline.providers..", "dev.syncline.api..", "dev.syncline.emulator..");

    @ArchTest
    static final ArchRule commandSideDependsOnlyOnMessagesAndProviders = noClasses()
            .that().resideInAPackage("dev.syncline.command..")
            .should().dependOnClassesThat().resideInAnyPackage("dev.syncline.query..", "dev.syncline.sagas..",
                    "dev.syncline.api..", "dev.syncline.emulator..");

    @ArchTest
    static final ArchRule sagasDependOnlyOnMessagesAndProviders = noClasses()
            .that().resideInAPackage("dev.syncline.sagas..")
            .should().dependOnClassesThat().resideInAnyPackage("dev.syncline.command..", "dev.syncline.query..",
                    "dev.syncline.api..", "dev.syncline.emulator..")
            // The sagas module arrives with the sync engine; the rule stands ready for it.
            .allowEmptyShould(true);

    @ArchTest
    static final ArchRule providersDependOnlyOnMessages = noClasses()
            .that().resideInAPackage("dev.syncline.providers..")
            .should().dependOnClassesThat().resideInAnyPackage("dev.syncline.command..", "dev.syncline.query..",
                    "dev.syncline.sagas..", "dev.syncline.api..", "dev.syncline.emulator..");

    @ArchTest
    static final ArchRule emulatorStandsAlone = noClasses()
            .that().resideInAPackage("dev.syncline.emulator..")
            .should().dependOnClassesThat().resideInAnyPackage("dev.syncline.messages..", "dev.syncline.command..",
                    "dev.syncline.query..", "dev.syncline.sagas..", "dev.syncline.providers..", "dev.syncline.api..");

    @ArchTest
    static final ArchRule onlyTheApiServesHttp = noClasses()
            .that().resideOutsideOfPackages("dev.syncline.api..", "dev.syncline.emulator..")
            .should().dependOnClassesThat().resideInAnyPackage("org.springframework.web.bind.annotation..");
}
