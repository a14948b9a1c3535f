package dev.coral.magics;

import dev.coral.core.repo.Repository;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;

/**
 * Base for test classes that only read a {@link SampleRepository}: it is created once per test class
 * in a temporary folder and closed after the class's last test.
 *
 * <pre>{@code
 * class LogViewTest extends SampleRepositoryFixture {
 *     @Test
 *     void showsFourCommits() {
 *         assertEquals(4, repo.log("HEAD", 10, false).entries().size());
 *     }
 * }
 * }</pre>
 */
public abstract class SampleRepositoryFixture {
    /** The folder that holds the repository; tests may create files beside it. */
    @TempDir
    protected static Path dir;
    /** The sample repository, open for the whole test class. */
    protected static Repository repo;

    @BeforeAll
    static void createRepository() {
        repo = SampleRepository.create(dir);
    }

    @AfterAll
    static void closeRepository() {
        repo.close();
    }
}
