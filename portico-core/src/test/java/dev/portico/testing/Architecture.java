package dev.portico.testing;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

import com.tngtech.archunit.core.domain.Dependency;
import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.lang.ArchCondition;
import com.tngtech.archunit.lang.ArchRule;
import com.tngtech.archunit.lang.ConditionEvents;
import com.tngtech.archunit.lang.SimpleConditionEvent;
import com.tngtech.archunit.lang.syntax.ArchRuleDefinition;
import com.tngtech.archunit.library.Architectures.LayeredArchitecture;
import com.tngtech.archunit.library.dependencies.SliceAssignment;
import com.tngtech.archunit.library.dependencies.SliceIdentifier;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * The layer rules every module's {@code ArchitectureTest} checks on its own compiled classes, written once here (in
 * portico-core's test-jar) rather than copied into each module:
 * <ul>
 *   <li>no cycle between packages, each package its own slice (subpackages included);</li>
 *   <li>nothing outside {@code dev.portico.server} touches Jetty, so the server stays replaceable;</li>
 *   <li>no class reaches into another Portico package's {@code internal}: only the package that owns an
 *       {@code internal} (and its subpackages) may use it;</li>
 *   <li>with {@link #layers}, a package depends only on its own layer and the layers below.</li>
 * </ul>
 * {@code Architecture.of("target/classes").check(Architecture.standard())} is a module's whole test.
 */
public final class Architecture {
    private static final String JETTY = "org.eclipse.jetty..";
    private static final String SERVER = "dev.portico.server..";

    private final JavaClasses classes;

    private Architecture(JavaClasses classes) {
        this.classes = classes;
    }

    /** The main classes of the module under test: Maven runs tests from the module's folder. */
    public static Architecture ofModule() {
        return of(Path.of("target", "classes"));
    }

    /** The classes under {@code folder}, a module's compiled main classes. */
    public static Architecture of(Path folder) {
        return new Architecture(new ClassFileImporter().importPath(folder));
    }

    /** The classes of {@code packages} found on the class path, for the rules' own tests. */
    public static Architecture ofPackages(String... packages) {
        return new Architecture(new ClassFileImporter().importPackages(packages));
    }

    /** The imported classes, for a module's own rules. */
    public JavaClasses classes() {
        return classes;
    }

    /** Checks every rule; an {@link AssertionError} lists each violation. */
    public void check(List<ArchRule> rules) {
        if (classes.isEmpty()) {
            throw new AssertionError("no classes imported: run from the module's folder after compiling");
        }
        rules.forEach(rule -> rule.check(classes));
    }

    /** The rules every module keeps: no package cycle, Jetty only in the server, no reaching into internals. */
    public static List<ArchRule> standard() {
        return List.of(noPackageCycles(), onlyServerTouchesJetty(), noForeignInternals());
    }

    /** No cycle between any two packages of {@code dev.portico}. */
    public static ArchRule noPackageCycles() {
        return slices().assignedFrom(new ByPackage()).should().beFreeOfCycles();
    }

    /** Jetty is the server's business: the pipeline and everything else see only Portico's types. */
    public static ArchRule onlyServerTouchesJetty() {
        return noClasses()
                .that()
                .resideOutsideOfPackage(SERVER)
                .should()
                .dependOnClassesThat()
                .resideInAPackage(JETTY)
                .because("only dev.portico.server adapts Jetty to the pipeline's Transport");
    }

    /** A package {@code dev.portico.x.internal} is used by {@code dev.portico.x} and its subpackages only. */
    public static ArchRule noForeignInternals() {
        return ArchRuleDefinition.classes()
                .should(keepOutOfForeignInternals())
                .because("an internal package is its owner's detail and may change without notice");
    }

    /**
     * Ordered layers, lowest first: a package of one layer may depend on packages of its own layer and of those
     * before it, never on a later one. Each layer is a name and its packages ({@code "dev.portico.openapi.."}).
     */
    public static ArchRule layers(List<Layer> layers) {
        LayeredArchitecture rule =
                com.tngtech.archunit.library.Architectures.layeredArchitecture().consideringOnlyDependenciesInLayers();
        for (Layer layer : layers) {
            rule = rule.layer(layer.name()).definedBy(layer.packages());
        }
        List<String> below = new ArrayList<>();
        for (Layer layer : layers) {
            if (below.isEmpty()) {
                rule = rule.whereLayer(layer.name()).mayNotAccessAnyLayer();
            } else {
                rule = rule.whereLayer(layer.name()).mayOnlyAccessLayers(below.toArray(String[]::new));
            }
            below.add(layer.name());
        }
        return rule;
    }

    /** One layer of {@link #layers}: its name in messages and the package identifiers it holds. */
    public record Layer(String name, String... packages) {}

    private static ArchCondition<JavaClass> keepOutOfForeignInternals() {
        return new ArchCondition<>("keep out of other packages' internal") {
            @Override
            public void check(JavaClass origin, ConditionEvents events) {
                for (Dependency dependency : origin.getDirectDependenciesFromSelf()) {
                    String target = dependency.getTargetClass().getPackageName();
                    int at = target.startsWith("dev.portico.") ? internalAt(target) : -1; // Portico's own
                    if (at >= 0 && !within(origin.getPackageName(), target.substring(0, at))) {
                        events.add(SimpleConditionEvent.violated(dependency, dependency.getDescription()));
                    }
                }
            }
        };
    }

    /** Where {@code .internal} starts in a package name, or -1. */
    private static int internalAt(String packageName) {
        String[] parts = packageName.split("\\.");
        int offset = 0;
        for (String part : parts) {
            if (part.equals("internal")) {
                return Math.max(0, offset - 1);
            }
            offset += part.length() + 1;
        }
        return -1;
    }

    private static boolean within(String packageName, String owner) {
        return packageName.equals(owner) || packageName.startsWith(owner + ".");
    }

    /** Each package of {@code dev.portico} is a slice of its own; classes elsewhere are ignored. */
    private static final class ByPackage implements SliceAssignment {
        @Override
        public SliceIdentifier getIdentifierOf(JavaClass javaClass) {
            String name = javaClass.getPackageName();
            return name.equals("dev.portico") || name.startsWith("dev.portico.")
                    ? SliceIdentifier.of(name)
                    : SliceIdentifier.ignore();
        }

        @Override
        public String getDescription() {
            return "the packages of dev.portico";
        }
    }
}
