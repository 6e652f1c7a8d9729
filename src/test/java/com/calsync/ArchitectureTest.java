package com.calsync;

import static com.tngtech.archunit.core.domain.JavaClass.Predicates.resideInAPackage;
import static com.tngtech.archunit.core.domain.JavaClass.Predicates.resideOutsideOfPackages;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

import com.calsync.cli.CliEnvironment;
import com.tngtech.archunit.base.DescribedPredicate;
import com.tngtech.archunit.core.domain.JavaCall;
import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.junit.ArchTag;
import com.tngtech.archunit.lang.ArchRule;
import com.tngtech.archunit.library.GeneralCodingRules;
import java.util.Set;

/**
 * Dependencies point downward: ui/cli → service → sync → store/ical, and all of them → platform
 * (DESIGN.md, "Layout"). Only src/main is imported: these rules describe what ships.
 */
@AnalyzeClasses(packages = "com.calsync", importOptions = ImportOption.DoNotIncludeTests.class)
@ArchTag("static-analysis") // reads class files only: the shifted-day CI run leaves it out
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

    /** Commands ask the service layer (StoreOpener, AccountCalendars, JournalService); they never open a store. */
    @ArchTest
    static final ArchRule cliDoesNotUseStores = noClasses().that().resideInAPackage("com.calsync.cli..")
            .should().dependOnClassesThat().resideInAPackage("com.calsync.store..");

    /** What the engine reports is data (records, enums) a command may print; its machinery stays behind the service. */
    @ArchTest
    static final ArchRule cliUsesOnlyTheDataOfSync = noClasses().that().resideInAPackage("com.calsync.cli..")
            .should().dependOnClassesThat(new DescribedPredicate<JavaClass>(
                    "are in com.calsync.sync.. and are neither records nor enums") {
                @Override
                public boolean test(JavaClass c) {
                    return c.getPackageName().startsWith("com.calsync.sync") && !c.isRecord() && !c.isEnum();
                }
            });

    /**
     * The UI renders what the service hands it: of CalSync's own code it uses its own packages,
     * {@code service}, {@code platform}, config records and the data (records, enums) the service
     * passes on from {@code sync}, plus the login-item interface
     * behind its "Open at login" toggle ({@code autostart.LoginItem}, chosen per OS by the caller).
     */
    @ArchTest
    static final ArchRule uiUsesOnlyTheService = noClasses().that().resideInAPackage("com.calsync.ui..")
            .should().dependOnClassesThat(new DescribedPredicate<JavaClass>(
                    "are CalSync classes outside ui, service, platform, config, sync data and the LoginItem interface") {
                private final Set<String> loginItem = Set.of("com.calsync.autostart.LoginItem",
                        "com.calsync.autostart.LoginItemStatus");

                @Override
                public boolean test(JavaClass c) {
                    String name = c.getName();
                    String pkg = c.getPackageName();
                    return name.startsWith("com.calsync.") && !loginItem.contains(name.split("\\$")[0])
                            && !(under(pkg, "com.calsync.ui") || under(pkg, "com.calsync.service")
                                    || under(pkg, "com.calsync.platform") || under(pkg, "com.calsync.config")
                                    || under(pkg, "com.calsync.sync") && (c.isRecord() || c.isEnum()));
                }

                private boolean under(String pkg, String root) {
                    return pkg.equals(root) || pkg.startsWith(root + ".");
                }
            });

    /** Only commands write to the terminal (through CliEnvironment); everything else logs. */
    @ArchTest
    static final ArchRule onlyTheCliWritesToStandardStreams = noClasses().that()
            .resideOutsideOfPackage("com.calsync.cli..").should(GeneralCodingRules.ACCESS_STANDARD_STREAMS);

    /**
     * Test tools (the memory store, the Radicale/Xandikos launchers, the benchmarks) live in test
     * scope: nothing of them is in calsync.jar, and nothing shipped needs them.
     */
    @ArchTest
    static final ArchRule testToolsStayOutOfTheJar = noClasses()
            .should().resideInAnyPackage("com.calsync.bench..", "com.calsync.testservers..", "com.calsync.testing..",
                    "com.calsync.store.memory..")
            .orShould().dependOnClassesThat().resideInAnyPackage("com.calsync.bench..", "com.calsync.testservers..",
                    "com.calsync.testing..", "com.calsync.store.memory..");

    /** Every package is a layer of its own: none reaches back up to one that uses it. */
    @ArchTest
    static final ArchRule noPackageCycles = slices().matching("com.calsync.(**)").should().beFreeOfCycles();

    /** App is the composition root: it wires everything, so nothing may depend on it. */
    @ArchTest
    static final ArchRule nothingDependsOnTheCompositionRoot = noClasses().that().resideOutsideOfPackage("com.calsync")
            .should().dependOnClassesThat().resideInAPackage("com.calsync");

    /** platform is the floor: the OS, files and native bindings, knowing nothing of what CalSync does with them. */
    @ArchTest
    static final ArchRule platformKnowsNothingAbove = noClasses().that().resideInAPackage("com.calsync.platform..")
            .should().dependOnClassesThat(resideInAPackage("com.calsync..")
                    .and(resideOutsideOfPackages("com.calsync.platform..")));

    /** secrets stores passwords through platform's bindings; config and the rest use it, not the other way round. */
    @ArchTest
    static final ArchRule secretsUseOnlyThePlatform = noClasses().that().resideInAPackage("com.calsync.secrets..")
            .should().dependOnClassesThat(resideInAPackage("com.calsync..")
                    .and(resideOutsideOfPackages("com.calsync.secrets..", "com.calsync.platform..")));

    /** Native calls live in platform's bindings and the EventKit store, which talks to EventKit's objects directly. */
    @ArchTest
    static final ArchRule jnaOnlyInPlatformAndEventKit = noClasses()
            .that().resideOutsideOfPackages("com.calsync.platform..", "com.calsync.store.eventkit..")
            .should().dependOnClassesThat().resideInAPackage("com.sun.jna..");

    /** The desktop toolkits (JavaFX, AWT) stay in the menu-bar app; the daemon never loads them. */
    @ArchTest
    static final ArchRule desktopToolkitsOnlyInTheUi = noClasses().that().resideOutsideOfPackage("com.calsync.ui..")
            .should().dependOnClassesThat().resideInAnyPackage("javafx..", "java.awt..");

    /**
     * AtlantaFX is used for its stylesheets only: its classes are compiled for Java 21 (class file
     * 65) and would fail to load on our Java 17 (src/docs/decisions/0011-atlantafx-stylesheets-only.md).
     */
    @ArchTest
    static final ArchRule noAtlantaFxClasses = noClasses().should().dependOnClassesThat().resideInAPackage("atlantafx..");

    /** What tray and popover share is plain data: no toolkit, and nothing of the views that render it. */
    @ArchTest
    static final ArchRule uiModelIsPlainData = noClasses().that().resideInAPackage("com.calsync.ui.model..")
            .should().dependOnClassesThat().resideInAnyPackage("javafx..", "java.awt..",
                    "com.calsync.ui", "com.calsync.ui.tray..", "com.calsync.ui.popover..", "com.calsync.service..");

    /** Calls that read the machine's clock or zone instead of the injected {@code Clock}. */
    private static final DescribedPredicate<JavaCall<?>> READS_THE_SYSTEM_CLOCK_OR_ZONE =
            new DescribedPredicate<>("read the system clock or zone") {
                private static final Set<String> DATES = Set.of("java.time.Instant", "java.time.LocalDate",
                        "java.time.LocalDateTime", "java.time.LocalTime", "java.time.ZonedDateTime",
                        "java.time.OffsetDateTime", "java.time.OffsetTime", "java.time.Year", "java.time.YearMonth",
                        "java.time.MonthDay");

                @Override
                public boolean test(JavaCall<?> call) {
                    String owner = call.getTargetOwner().getName();
                    String name = call.getName();
                    boolean clockArgument = call.getTarget().getRawParameterTypes().stream()
                            .anyMatch(t -> t.getName().equals("java.time.Clock"));
                    return DATES.contains(owner) && name.equals("now") && !clockArgument
                            || owner.equals("java.time.Clock") && name.startsWith("system")
                            || owner.equals("java.time.ZoneId") && name.equals("systemDefault")
                            || owner.equals("java.util.TimeZone") && name.equals("getDefault")
                            || owner.equals("java.lang.System") && name.equals("currentTimeMillis")
                            || owner.equals("java.util.Calendar") && name.equals("getInstance")
                            || owner.equals("java.util.Date") && name.equals("<init>")
                                    && call.getTarget().getRawParameterTypes().isEmpty();
                }
            };

    /**
     * "Now" and the local zone enter the program in one place, the composition root
     * ({@link CliEnvironment#system()}); everything else gets a {@code Clock} (whose zone is the
     * user's) from its creator, so every test can choose the day and zone it runs on.
     */
    @ArchTest
    static final ArchRule timeEntersInOnePlace = noClasses().that()
            .doNotHaveFullyQualifiedName(CliEnvironment.class.getName())
            .should().callCodeUnitWhere(READS_THE_SYSTEM_CLOCK_OR_ZONE);
}
