package com.calsync;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;

/** Dependencies point downward: ui/cli → service → sync → store/ical (DESIGN.md, "Layout"). */
@AnalyzeClasses(packages = "com.calsync", importOptions = ImportOption.DoNotIncludeTests.class)
class ArchitectureTest {

    @ArchTest
    static final ArchRule icalKnowsNothingAbove = noClasses().that().resideInAPackage("com.calsync.ical..")
            .should().dependOnClassesThat().resideInAnyPackage("com.calsync.store..", "com.calsync.sync..",
                    "com.calsync.service..", "com.calsync.cli..", "com.calsync.ui..", "com.calsync.config..");

    @ArchTest
    static final ArchRule storesKnowNothingOfSyncOrUi = noClasses().that().resideInAPackage("com.calsync.store..")
            .should().dependOnClassesThat().resideInAnyPackage("com.calsync.sync..", "com.calsync.service..",
                    "com.calsync.cli..", "com.calsync.ui..", "com.calsync.config..", "com.calsync.bench..");

    @ArchTest
    static final ArchRule syncKnowsNothingAbove = noClasses().that().resideInAPackage("com.calsync.sync..")
            .should().dependOnClassesThat().resideInAnyPackage("com.calsync.service..", "com.calsync.cli..",
                    "com.calsync.ui..", "com.calsync.config..", "com.calsync.bench..");

    @ArchTest
    static final ArchRule serviceDoesNotUseTheUiOrCli = noClasses().that().resideInAPackage("com.calsync.service..")
            .should().dependOnClassesThat().resideInAnyPackage("com.calsync.cli..", "com.calsync.ui..");

    @ArchTest
    static final ArchRule configIsPlainData = noClasses().that().resideInAPackage("com.calsync.config..")
            .should().dependOnClassesThat().resideInAnyPackage("com.calsync.service..", "com.calsync.cli..",
                    "com.calsync.ui..", "com.calsync.store..");

    @ArchTest
    static final ArchRule nothingBelowUsesTheUi = noClasses().that().resideOutsideOfPackages("com.calsync.ui..",
                    "com.calsync", "com.calsync.cli..")
            .should().dependOnClassesThat().resideInAPackage("com.calsync.ui..");
}
