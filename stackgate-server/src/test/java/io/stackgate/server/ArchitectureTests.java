package io.stackgate.server;

import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

/**
 * The module boundaries of the gateway, checked on every build.
 */
@AnalyzeClasses(packages = "io.stackgate.server", importOptions = ImportOption.DoNotIncludeTests.class)
class ArchitectureTests {

	@ArchTest
	static final ArchRule openstack4jStaysInTheAdapter = noClasses().that()
		.resideOutsideOfPackage("io.stackgate.server.cloud.openstack4j..")
		.should()
		.dependOnClassesThat()
		.resideInAPackage("org.openstack4j..")
		.because("only the cloud adapter may know openstack4j; everything else uses CloudClient");

	@ArchTest
	static final ArchRule nothingDependsOnTheAdapter = noClasses().that()
		.resideOutsideOfPackage("io.stackgate.server.cloud.openstack4j..")
		.should()
		.dependOnClassesThat()
		.resideInAPackage("io.stackgate.server.cloud.openstack4j..")
		.because("the adapter is wired by Spring and reached through CloudClient only");

	@ArchTest
	static final ArchRule cloudModelKnowsNoWeb = noClasses().that()
		.resideInAPackage("io.stackgate.server.cloud")
		.should()
		.dependOnClassesThat()
		.resideInAnyPackage("org.springframework.web..", "jakarta.servlet..")
		.because("the cloud model is independent of HTTP");

}
