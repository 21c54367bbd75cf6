package org.epermit.api;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.Test;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

/**
 * Dependencies run one way: features (permit, access, delegation, client, enterprise…) build on the gateway, and
 * everything builds on the shared base (common, problem, reference); nothing below imports what is above it.
 */
class PackageDependenciesTest {

    private static final String[] FEATURES = {"..api.permit..", "..api.access..", "..api.delegation..",
            "..api.client..", "..api.enterprise..", "..api.demo..", "..api.receipt.."};

    private static final JavaClasses MAIN = new ClassFileImporter()
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
            .importPackages("org.epermit.api");

    @Test
    void the_shared_base_imports_neither_the_gateway_nor_any_feature() {
        noClasses().that().resideInAnyPackage("..api.common..", "..api.problem..", "..api.reference..")
                .should().dependOnClassesThat().resideInAnyPackage(concat(FEATURES, "..api.gateway.."))
                .check(MAIN);
    }

    @Test
    void the_gateway_imports_no_feature() {
        noClasses().that().resideInAPackage("..api.gateway..")
                .should().dependOnClassesThat().resideInAnyPackage(FEATURES)
                .check(MAIN);
    }

    @Test
    void who_may_use_a_permit_depends_on_no_feature_that_asks() {
        noClasses().that().resideInAPackage("..api.access..")
                .should().dependOnClassesThat().resideInAnyPackage(without(FEATURES, "..api.access.."))
                .check(MAIN);
    }

    private static String[] concat(String[] a, String b) {
        String[] all = java.util.Arrays.copyOf(a, a.length + 1);
        all[a.length] = b;
        return all;
    }

    private static String[] without(String[] a, String b) {
        return java.util.Arrays.stream(a).filter(x -> !x.equals(b)).toArray(String[]::new);
    }
}
