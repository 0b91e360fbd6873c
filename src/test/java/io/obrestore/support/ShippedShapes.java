package io.obrestore.support;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import com.fasterxml.jackson.dataformat.yaml.YAMLParser;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The shipped ways to run the service, read from the files that ship them (docker/Dockerfile.*, docker/k8s/*.yaml,
 * docker/systemd/*.service): the environment each sets and the command it runs, as written there. Values a test must
 * replace (hosts, ports, secrets, paths) are replaced by the test, by variable name; nothing is copied by hand.
 */
public final class ShippedShapes {

    private static final Path DOCKER = Path.of("docker");
    private static final Pattern ENV_PAIR = Pattern.compile("([A-Za-z_][A-Za-z0-9_]*)=(\"(?:[^\"\\\\]|\\\\.)*\"|\\S*)");

    private ShippedShapes() {
    }

    /** What a Dockerfile's final stage sets and runs. */
    public record Image(String baseImage, Map<String, String> env, List<String> entrypoint, List<String> cmd,
            List<String> runs) {
    }

    /** A container of this service in a manifest: its image, arguments, variables (secrets and fields by reference). */
    public record Container(String manifest, String image, List<String> args, Map<String, JsonNode> env,
            Map<String, String> probes, String memoryLimit) {
    }

    /** A systemd unit: its Environment= lines, the variables its EnvironmentFile is documented to hold, ExecStart. */
    public record Unit(Map<String, String> env, List<String> environmentFile, List<String> execStart) {
    }

    /** The final stage of {@code docker/<name>}. */
    public static Image image(String name) throws IOException {
        List<String> instructions = instructions(Files.readString(DOCKER.resolve(name), StandardCharsets.UTF_8));
        String base = null;
        Map<String, String> env = new LinkedHashMap<>();
        List<String> entrypoint = List.of();
        List<String> cmd = List.of();
        List<String> runs = new ArrayList<>();
        ObjectMapper json = new ObjectMapper();
        for (String instruction : instructions) {
            String keyword = instruction.split("\\s+", 2)[0].toUpperCase();
            String rest = instruction.substring(keyword.length()).strip();
            switch (keyword) {
                case "FROM" -> {
                    base = rest.split("\\s+")[0];
                    env.clear();
                    entrypoint = List.of();
                    cmd = List.of();
                    runs.clear();
                }
                case "ENV" -> {
                    Matcher pair = ENV_PAIR.matcher(rest);
                    while (pair.find()) {
                        String value = pair.group(2);
                        if (value.startsWith("\"")) {
                            value = value.substring(1, value.length() - 1).replace("\\\"", "\"");
                        }
                        env.put(pair.group(1), value);
                    }
                }
                case "ENTRYPOINT" -> entrypoint = List.of(json.readValue(rest, String[].class));
                case "CMD" -> cmd = List.of(json.readValue(rest, String[].class));
                case "RUN" -> runs.add(rest);
                default -> {
                }
            }
        }
        return new Image(base, env, entrypoint, cmd, runs);
    }

    /** Every container of this service ({@code ob-restore-overview:*} images) in {@code docker/k8s/<manifest>}. */
    public static List<Container> containers(String manifest) throws IOException {
        List<Container> containers = new ArrayList<>();
        ObjectMapper yaml = new ObjectMapper(new YAMLFactory());
        try (YAMLParser parser = new YAMLFactory().createParser(DOCKER.resolve("k8s").resolve(manifest).toFile())) {
            for (JsonNode document : yaml.readValues(parser, JsonNode.class).readAll()) {
                JsonNode pod = document.path("kind").asText().equals("Pod") ? document.path("spec")
                        : document.path("spec").path("template").path("spec");
                for (JsonNode container : pod.path("containers")) {
                    if (!container.path("image").asText().startsWith("ob-restore-overview")) {
                        continue;
                    }
                    Map<String, JsonNode> env = new LinkedHashMap<>();
                    container.path("env").forEach(variable -> env.put(variable.path("name").asText(), variable));
                    List<String> args = new ArrayList<>();
                    container.path("args").forEach(arg -> args.add(arg.asText()));
                    Map<String, String> probes = new LinkedHashMap<>();
                    for (String probe : List.of("startupProbe", "livenessProbe", "readinessProbe")) {
                        probes.put(probe, container.path(probe).path("httpGet").path("path").asText());
                    }
                    containers.add(new Container(manifest, container.path("image").asText(), args, env, probes,
                            container.path("resources").path("limits").path("memory").asText()));
                }
            }
        }
        return containers;
    }

    /** {@code docker/systemd/<name>}. */
    public static Unit unit(String name) throws IOException {
        Map<String, String> env = new LinkedHashMap<>();
        List<String> environmentFile = new ArrayList<>();
        List<String> execStart = List.of();
        List<String> lines = Files.readAllLines(DOCKER.resolve("systemd").resolve(name));
        for (int i = 0; i < lines.size(); i++) {
            String line = lines.get(i);
            if (line.startsWith("Environment=")) {
                String[] pair = line.substring("Environment=".length()).split("=", 2);
                env.put(pair[0], pair[1]);
            } else if (line.startsWith("EnvironmentFile=") && i > 0 && lines.get(i - 1).startsWith("#")) {
                // The comment lines above say what the file holds: "# NAME=..., NAME=...".
                for (int above = i - 1; above >= 0 && lines.get(above).startsWith("#"); above--) {
                    Matcher documented = Pattern.compile("([A-Z][A-Z0-9_]+)=\\.\\.\\.").matcher(lines.get(above));
                    while (documented.find()) {
                        environmentFile.add(documented.group(1));
                    }
                }
            } else if (line.startsWith("ExecStart=")) {
                execStart = List.of(line.substring("ExecStart=".length()).strip().split("\\s+"));
            }
        }
        return new Unit(env, environmentFile, execStart);
    }

    /** A Dockerfile's instructions, continuation lines joined, comments dropped. */
    private static List<String> instructions(String text) {
        List<String> instructions = new ArrayList<>();
        StringBuilder current = new StringBuilder();
        for (String line : text.split("\n")) {
            String stripped = line.strip();
            if (stripped.startsWith("#") || stripped.isEmpty() && current.length() == 0) {
                continue;
            }
            if (stripped.endsWith("\\")) {
                current.append(stripped, 0, stripped.length() - 1).append(' ');
            } else {
                current.append(stripped);
                instructions.add(current.toString());
                current.setLength(0);
            }
        }
        return instructions;
    }
}
