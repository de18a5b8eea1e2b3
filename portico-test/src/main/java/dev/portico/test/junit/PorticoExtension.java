package dev.portico.test.junit;

import dev.portico.Portico;
import dev.portico.test.MutableClock;
import dev.portico.test.PorticoClient;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.lang.reflect.Parameter;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.AfterEachCallback;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.BeforeEachCallback;
import org.junit.jupiter.api.extension.ExtensionConfigurationException;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.ParameterContext;
import org.junit.jupiter.api.extension.ParameterResolver;
import org.junit.platform.commons.support.AnnotationSupport;
import org.junit.platform.commons.support.HierarchyTraversalMode;
import org.junit.platform.commons.support.ReflectionSupport;

/**
 * Runs a {@link PorticoTest} class: before it (or before each test, under {@link Isolation#PER_TEST}), a fresh
 * database and clock, the application from its {@link App} method, prepared in-process or started on a free port;
 * after it, the application stopped, the class's resources closed and the database dropped. Resolves {@link PorticoClient} (a new one per parameter), {@link Portico},
 * {@link MutableClock} and {@link TestSetup} parameters.
 */
public final class PorticoExtension
        implements BeforeAllCallback, AfterAllCallback, BeforeEachCallback, AfterEachCallback, ParameterResolver {
    private static final ExtensionContext.Namespace NAMESPACE =
            ExtensionContext.Namespace.create(PorticoExtension.class);

    /** What one class runs on. */
    private record State(Portico app, TestSetup setup, boolean overTheWire, List<AutoCloseable> closing) {}

    @Override
    public void beforeAll(ExtensionContext context) throws Exception {
        Class<?> testClass = context.getRequiredTestClass();
        Optional<PorticoTest> own = AnnotationSupport.findAnnotation(testClass, PorticoTest.class);
        if (own.isEmpty()) {
            if (declaring(testClass).isPresent()) {
                return; // a plain @Nested group: its tests use what the enclosing class makes
            }
            throw new ExtensionConfigurationException(testClass.getName() + " needs @PorticoTest");
        }
        if (own.get().isolation() == Isolation.PER_CLASS) {
            context.getStore(NAMESPACE).put(State.class, prepare(context, testClass, own.get()));
        }
    }

    @Override
    public void beforeEach(ExtensionContext context) throws Exception {
        Optional<Class<?>> declaring = declaring(context.getRequiredTestClass());
        if (declaring.isPresent()) {
            PorticoTest options = AnnotationSupport.findAnnotation(declaring.get(), PorticoTest.class)
                    .orElseThrow();
            if (options.isolation() == Isolation.PER_TEST) {
                context.getStore(NAMESPACE).put(State.class, prepare(context, declaring.get(), options));
            }
        }
    }

    @Override
    public void afterEach(ExtensionContext context) throws Exception {
        Optional<Class<?>> declaring = declaring(context.getRequiredTestClass());
        if (declaring.isPresent()
                && AnnotationSupport.findAnnotation(declaring.get(), PorticoTest.class)
                                .orElseThrow()
                                .isolation()
                        == Isolation.PER_TEST) {
            finish(context.getStore(NAMESPACE).remove(State.class, State.class));
        }
    }

    /** The class whose {@link PorticoTest} applies: this one's (or a superclass's), else the nearest enclosing one's. */
    private static Optional<Class<?>> declaring(Class<?> testClass) {
        for (Class<?> c = testClass; c != null; c = c.getEnclosingClass()) {
            if (AnnotationSupport.findAnnotation(c, PorticoTest.class).isPresent()) {
                return Optional.of(c);
            }
        }
        return Optional.empty();
    }

    /** A fresh database and clock, and the application of {@code appClass}'s {@link App} method, ready for clients. */
    private static State prepare(ExtensionContext context, Class<?> appClass, PorticoTest options) throws Exception {
        List<AutoCloseable> closing = new ArrayList<>();
        TestSetup setup = null;
        try {
            Optional<Databases.Prepared> database = Databases.prepare(options.database(), appClass);
            database.ifPresent(d -> closing.add(d.drop()));
            setup = new TestSetup(
                    MutableClock.now(),
                    b -> database.ifPresent(d -> d.configure().accept(b)),
                    database.map(Databases.Prepared::url).orElse(null));
            Portico app = build(context, appClass, setup);
            closing.add(app::stop);
            if (options.overTheWire()) {
                app.start();
            } else {
                app.prepare();
            }
            return new State(app, setup, options.overTheWire(), closing);
        } catch (Throwable e) {
            close(ordered(closing, setup), e);
            throw e;
        }
    }

    /** What to close, last first: the database, the setup's resources after the app stops, then the app. */
    private static List<AutoCloseable> ordered(List<AutoCloseable> closing, TestSetup setup) {
        List<AutoCloseable> all = new ArrayList<>(closing);
        if (setup != null) {
            all.addAll(Math.min(1, all.size()), setup.resources());
        }
        return all;
    }

    private static Portico build(ExtensionContext context, Class<?> testClass, TestSetup setup) throws Exception {
        List<Method> methods = ReflectionSupport.findMethods(
                testClass, m -> m.isAnnotationPresent(App.class), HierarchyTraversalMode.BOTTOM_UP);
        if (methods.isEmpty()) {
            throw new ExtensionConfigurationException(testClass.getName() + " has no @App method: add"
                    + " `@App static Portico app(TestSetup setup) { ... }` that builds the application");
        }
        Method method = methods.getFirst(); // the subclass's, when it overrides
        Object target = null;
        if (!Modifier.isStatic(method.getModifiers())) {
            target = context.getTestInstances()
                    .flatMap(i -> i.findInstance(testClass))
                    .orElseThrow(() -> new ExtensionConfigurationException("@App method "
                            + method.getName() + " of " + testClass.getName() + " must be static, or the class must be"
                            + " @TestInstance(PER_CLASS), or @PorticoTest(isolation = PER_TEST)"));
        }
        Object[] arguments = new Object[method.getParameterCount()];
        for (int i = 0; i < arguments.length; i++) {
            Parameter parameter = method.getParameters()[i];
            if (parameter.getType() == TestSetup.class) {
                arguments[i] = setup;
            } else if (parameter.getType() == MutableClock.class) {
                arguments[i] = setup.clock();
            } else {
                throw new ExtensionConfigurationException("@App method " + method.getName() + " may take TestSetup"
                        + " and MutableClock, not " + parameter.getType().getName());
            }
        }
        method.setAccessible(true);
        Object result;
        try {
            result = method.invoke(target, arguments);
        } catch (InvocationTargetException e) {
            throw e.getCause() instanceof Exception cause ? cause : e;
        }
        return switch (result) {
            case Portico app -> app;
            case Portico.Builder builder -> builder.shutdownHook(false).build();
            case null, default ->
                throw new ExtensionConfigurationException("@App method " + method.getName()
                        + " must return a Portico or a Portico.Builder, not " + result);
        };
    }

    @Override
    public void afterAll(ExtensionContext context) throws Exception {
        Optional<PorticoTest> own = AnnotationSupport.findAnnotation(context.getRequiredTestClass(), PorticoTest.class);
        if (own.isPresent() && own.get().isolation() == Isolation.PER_CLASS) {
            finish(context.getStore(NAMESPACE).remove(State.class, State.class));
        } // a plain @Nested group leaves it to the enclosing class, and PER_TEST closed after each test
    }

    private static void finish(State state) throws Exception {
        if (state != null) {
            close(ordered(state.closing(), state.setup()), null);
        }
    }

    /** Closes last first, each even when another fails; the failures are added to {@code failure} or thrown. */
    private static void close(List<AutoCloseable> resources, Throwable failure) throws Exception {
        Exception first = null;
        for (int i = resources.size() - 1; i >= 0; i--) {
            try {
                resources.get(i).close();
            } catch (Exception e) {
                if (failure != null) {
                    failure.addSuppressed(e);
                } else if (first == null) {
                    first = e;
                } else {
                    first.addSuppressed(e);
                }
            }
        }
        if (first != null) {
            throw first;
        }
    }

    @Override
    public boolean supportsParameter(ParameterContext parameter, ExtensionContext context) {
        Class<?> type = parameter.getParameter().getType();
        return type == PorticoClient.class
                || type == Portico.class
                || type == MutableClock.class
                || type == TestSetup.class;
    }

    @Override
    public Object resolveParameter(ParameterContext parameter, ExtensionContext context) {
        State state = context.getStore(NAMESPACE).get(State.class, State.class);
        if (state == null) {
            throw new ExtensionConfigurationException(
                    "the application of " + context.getRequiredTestClass().getName()
                            + " is not built yet (a static @BeforeAll runs after the extension, a constructor does"
                            + " not; under @PorticoTest(isolation = PER_TEST) each test gets its own, so ask for it in"
                            + " @BeforeEach or the test)");
        }
        Class<?> type = parameter.getParameter().getType();
        if (type == Portico.class) {
            return state.app();
        }
        if (type == MutableClock.class) {
            return state.setup().clock();
        }
        if (type == TestSetup.class) {
            return state.setup();
        }
        PorticoClient client =
                state.overTheWire() ? PorticoClient.overTheWire(state.app()) : PorticoClient.inProcess(state.app());
        return state.setup().configure(client);
    }
}
