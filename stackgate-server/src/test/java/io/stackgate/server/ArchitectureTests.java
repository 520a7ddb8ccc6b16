package io.stackgate.server;

import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;
import io.swagger.v3.oas.annotations.tags.Tag;

import org.springframework.web.bind.annotation.RestController;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

/**
 * The module boundaries of the gateway, checked on every build.
 */
@AnalyzeClasses(packages = "io.stackgate.server", importOptions = ImportOption.DoNotIncludeTests.class)
class ArchitectureTests {

	/**
	 * Every package is its own slice: {@code servers} and {@code servers.launch} may not
	 * need each other.
	 */
	@ArchTest
	static final ArchRule noPackageCycles = slices().matching("io.stackgate.server.(**)").should().beFreeOfCycles();

	@ArchTest
	static final ArchRule openstack4jStaysInTheAdapter = noClasses().that()
		.resideOutsideOfPackage("io.stackgate.server.cloud.openstack4j..")
		.should()
		.dependOnClassesThat()
		.resideInAPackage("org.openstack4j..")
		.because("only the cloud adapter may know openstack4j; everything else uses the ports in cloud");

	@ArchTest
	static final ArchRule nothingDependsOnTheAdapter = noClasses().that()
		.resideOutsideOfPackage("io.stackgate.server.cloud.openstack4j..")
		.should()
		.dependOnClassesThat()
		.resideInAPackage("io.stackgate.server.cloud.openstack4j..")
		.because("the adapter is wired by Spring and reached through the ports in cloud only");

	@ArchTest
	static final ArchRule cloudPortsKnowNoWeb = noClasses().that()
		.resideInAPackage("io.stackgate.server.cloud")
		.should()
		.dependOnClassesThat()
		.resideInAnyPackage("org.springframework..", "jakarta.servlet..")
		.because("the ports are plain Java, independent of HTTP and of Spring");

	@ArchTest
	static final ArchRule onlyTheEdgeKnowsHttp = noClasses().that()
		.resideOutsideOfPackages("io.stackgate.server.problem..", "io.stackgate.server.web..")
		.and()
		.areNotAnnotatedWith(RestController.class)
		.and()
		.areNotAnnotatedWith(Tag.class)
		.should()
		.dependOnClassesThat()
		.resideInAPackage("org.springframework.http..")
		.because("features throw semantic exceptions; only problem/ maps them to statuses, and only web/, the "
				+ "controllers and their OpenAPI descriptions (@Tag interfaces) speak HTTP");

}
