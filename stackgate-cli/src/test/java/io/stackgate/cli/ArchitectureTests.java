package io.stackgate.cli;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.Test;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

/**
 * The CLI's boundaries: it knows the gateway only through HTTP and the shared wire model.
 */
class ArchitectureTests {

	private static final JavaClasses CLI = new ClassFileImporter()
		.withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
		.importPackages("io.stackgate.cli");

	@Test
	void neverImportsTheServer() {
		noClasses().should().dependOnClassesThat().resideInAPackage("io.stackgate.server..").check(CLI);
	}

	@Test
	void startsWithoutHeavyLibraries() {
		noClasses().should()
			.dependOnClassesThat()
			.resideInAnyPackage("com.fasterxml.jackson.databind..", "tools.jackson..", "java.net.http..",
					"org.springframework..", "org.yaml..")
			.because("start-up time: see docs/performance.md")
			.check(CLI);
	}

	@Test
	void httpClientKnowsNothingOfTheCommandLine() {
		noClasses().that()
			.resideInAnyPackage("io.stackgate.cli.client..", "io.stackgate.cli.json..")
			.should()
			.dependOnClassesThat()
			.resideInAnyPackage("picocli..", "io.stackgate.cli.command..", "io.stackgate.cli.output..")
			.check(CLI);
	}

	@Test
	void packagesAreFreeOfCycles() {
		slices().matching("io.stackgate.cli.(*)..").should().beFreeOfCycles().check(CLI);
	}

}
