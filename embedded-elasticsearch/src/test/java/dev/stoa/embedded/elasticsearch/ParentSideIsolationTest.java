package dev.stoa.embedded.elasticsearch;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.Test;

/**
 * The app puts this jar on its classpath without any of our dependencies: parent-side classes may use the JDK and
 * SLF4J only. Only the child-side launcher (package {@code node}, loaded in the child JVM) sees Elasticsearch.
 */
class ParentSideIsolationTest {

    @Test
    void parentSideUsesNeitherElasticsearchNorSpringNorTheLauncher() {
        var classes = new ClassFileImporter()
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
            .importPackages("dev.stoa.embedded.elasticsearch");
        noClasses().that().resideInAPackage("dev.stoa.embedded.elasticsearch")
            .should().dependOnClassesThat().resideInAnyPackage(
                "org.elasticsearch..", "org.apache.lucene..", "org.apache.logging..", "org.springframework..",
                "com.fasterxml..", "dev.stoa.embedded.elasticsearch.node..")
            .check(classes);
    }
}
