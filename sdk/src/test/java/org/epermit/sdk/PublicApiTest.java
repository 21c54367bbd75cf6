package org.epermit.sdk;

import java.io.IOException;
import java.lang.reflect.Constructor;
import java.lang.reflect.Executable;
import java.lang.reflect.Field;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.lang.reflect.Type;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Stream;
import org.epermit.sdk.model.PermitStatus;
import org.junit.jupiter.api.DisplayNameGeneration;
import org.junit.jupiter.api.DisplayNameGenerator;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The SDK's API is what a user sees: the client, services, parameters, errors, codes and models. None of it may
 * mention a type of {@code org.epermit.sdk.internal} (which may change in any release), and every model enumeration
 * reads a value this SDK version does not know as {@code UNKNOWN}.
 */
@DisplayNameGeneration(DisplayNameGenerator.ReplaceUnderscores.class)
class PublicApiTest {

    private static final String INTERNAL = "org.epermit.sdk.internal";

    /** The SDK's own classes, as compiled (not its tests). */
    private static List<Class<?>> sdkClasses() throws IOException, URISyntaxException, ClassNotFoundException {
        Path root = Path.of(EPermitClient.class.getProtectionDomain().getCodeSource().getLocation().toURI());
        List<Class<?>> classes = new ArrayList<>();
        try (Stream<Path> files = Files.walk(root.resolve("org/epermit/sdk"))) {
            for (Path f : files.filter(f -> f.toString().endsWith(".class")).toList()) {
                String name = root.relativize(f).toString().replace(f.getFileSystem().getSeparator(), ".");
                classes.add(Class.forName(name.substring(0, name.length() - ".class".length()), false,
                        PublicApiTest.class.getClassLoader()));
            }
        }
        return classes;
    }

    private static boolean visible(int modifiers) {
        return Modifier.isPublic(modifiers) || Modifier.isProtected(modifiers);
    }

    private static boolean api(Class<?> c) {
        for (Class<?> k = c; k != null; k = k.getEnclosingClass()) {
            if (!Modifier.isPublic(k.getModifiers())) {
                return false;
            }
        }
        return !c.getPackageName().startsWith(INTERNAL) && !c.isSynthetic();
    }

    @Test
    void no_public_signature_of_the_sdk_mentions_an_internal_type() throws Exception {
        List<String> leaks = new ArrayList<>();
        List<Class<?>> api = sdkClasses().stream().filter(PublicApiTest::api).toList();
        assertThat(api).contains(EPermitClient.class, org.epermit.sdk.service.PublicPermitService.class);
        for (Class<?> c : api) {
            List<Type> types = new ArrayList<>();
            types.add(c.getGenericSuperclass());
            types.addAll(Arrays.asList(c.getGenericInterfaces()));
            for (Field f : c.getDeclaredFields()) {
                if (visible(f.getModifiers())) {
                    types.add(f.getGenericType());
                }
            }
            List<Executable> members = new ArrayList<>();
            for (Constructor<?> k : c.getDeclaredConstructors()) {
                members.add(k);
            }
            for (Method m : c.getDeclaredMethods()) {
                if (!m.isSynthetic()) {
                    members.add(m);
                    types.add(m.getGenericReturnType());
                }
            }
            for (Executable e : members) {
                if (visible(e.getModifiers()) || c.isInterface()) {
                    types.addAll(Arrays.asList(e.getGenericParameterTypes()));
                    types.addAll(Arrays.asList(e.getGenericExceptionTypes()));
                }
            }
            for (Type t : types) {
                if (t != null && t.getTypeName().contains(INTERNAL)) {
                    leaks.add(c.getName() + " mentions " + t.getTypeName());
                }
            }
        }
        assertThat(leaks).isEmpty();
    }

    @Test
    void every_model_enumeration_reads_an_unknown_value_as_UNKNOWN() throws Exception {
        List<Class<?>> enums = sdkClasses().stream()
                .filter(c -> c.isEnum() && c.getPackageName().equals(PermitStatus.class.getPackageName())).toList();
        assertThat(enums).contains(PermitStatus.class);
        for (Class<?> e : enums) {
            Object unknown = e.getMethod("fromValue", String.class).invoke(null, "A_VALUE_FROM_A_NEWER_API");
            assertThat(((Enum<?>) unknown).name()).as(e.getSimpleName()).isEqualTo("UNKNOWN");
        }
    }
}
