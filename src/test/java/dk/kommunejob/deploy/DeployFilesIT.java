package dk.kommunejob.deploy;

import static dk.kommunejob.deploy.Manifests.list;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.PathMatcher;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * What the build made agrees with what is committed in deploy/ and src/main/docker (run by failsafe,
 * after `package`): the manifests equal the generated ones, and the container image takes paths that
 * exist and runs on the manifests' port and user.
 */
class DeployFilesIT {

    private static final Path DOCKERFILE = Path.of("src/main/docker/Dockerfile.jvm");

    @Test
    void theCommittedManifestsAreTheGeneratedOnes() {
        // The build lists environment variables in no fixed order; the order means nothing to Kubernetes.
        assertEquals(
                Manifests.read(Manifests.GENERATED).normalised(),
                Manifests.committed().normalised(),
                "deploy/kubernetes/kubernetes.yml is out of date; after `./mvnw package` run: grep -v "
                        + Manifests.COMMIT_ID + " target/kubernetes/kubernetes.yml > deploy/kubernetes/kubernetes.yml");
    }

    @Test
    void theImageCopiesWhatThePackageHasAndRunsOnTheManifestsPortAndUser() throws IOException {
        String dockerfile = Files.readString(DOCKERFILE);
        Matcher copy =
                Pattern.compile("(?m)^COPY --chown=(\\d+) (\\S+) (\\S+)$").matcher(dockerfile);
        int copies = 0;
        while (copy.find()) {
            copies++;
            assertTrue(exists(copy.group(2)), copy.group(2) + " exists after package");
        }
        assertEquals(4, copies, "the four layers of the Quarkus layout");
        assertTrue(exists("target/quarkus-app/quarkus-run.jar"), "the runner the image starts");

        JsonNode deployment = Manifests.committed().get("Deployment", "job-postings");
        JsonNode container =
                list(deployment.at("/spec/template/spec/containers")).get(0);
        assertEquals(
                list(container.at("/ports")).get(0).at("/containerPort").asText(), single(dockerfile, "EXPOSE (\\d+)"));
        String user = single(dockerfile, "USER (\\d+)");
        assertEquals(
                deployment.at("/spec/template/spec/securityContext/runAsUser").asText(), user);
        Matcher chown = Pattern.compile("--chown=(\\d+)").matcher(dockerfile);
        while (chown.find()) {
            assertEquals(user, chown.group(1), "files belong to the user that runs");
        }
    }

    private static String single(String dockerfile, String instruction) {
        Matcher matcher = Pattern.compile("(?m)^" + instruction + "$").matcher(dockerfile);
        assertTrue(matcher.find(), instruction);
        return matcher.group(1);
    }

    /** A COPY source: a directory or file, or a glob such as target/quarkus-app/*.jar that matches something. */
    private static boolean exists(String source) throws IOException {
        if (!source.contains("*")) {
            return Files.exists(Path.of(source));
        }
        Path folder = Path.of(source).getParent();
        PathMatcher glob = FileSystems.getDefault().getPathMatcher("glob:" + source);
        try (Stream<Path> files = Files.list(folder)) {
            List<Path> matches = files.filter(glob::matches).toList();
            return !matches.isEmpty();
        }
    }
}
