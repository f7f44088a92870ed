package dk.kommunejob.deploy;

import static dk.kommunejob.deploy.Manifests.list;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.PathMatcher;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * What the build made agrees with what is committed in deploy/ and src/main/docker (run by failsafe,
 * after `package`): the manifests equal the generated ones, and the container image takes paths that
 * exist, runs on the manifests' port and user, and its JVM starts with the flags it is given.
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

    @Test
    void theImagesJvmStartsWithTheFlagsTheBaseImageAndTheDockerfileGiveIt() throws IOException, InterruptedException {
        // The base image's run-java.sh puts its own collector and heap settings before JAVA_OPTS_APPEND; a second
        // collector there would stop every replica at its first start ("Multiple garbage collectors selected").
        String flags = output(List.of("bash", "deploy/image-java-opts.sh")).strip();
        List<String> java = new ArrayList<>();
        java.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        java.addAll(List.of(flags.split(" +")));
        java.addAll(List.of("-XX:+PrintFlagsFinal", "-version"));
        String printed = output(java);
        assertTrue(
                Pattern.compile("bool UseSerialGC\\s+= true").matcher(printed).find(), printed);
    }

    /** What a command prints; it must succeed. */
    private static String output(List<String> command) throws IOException, InterruptedException {
        Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
        String printed = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertEquals(0, process.waitFor(), String.join(" ", command) + " failed: " + printed);
        return printed;
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
