package io.jobform.deploy;

import static org.assertj.core.api.Assertions.assertThat;

import io.jobform.cli.PlanCommand;
import io.jobform.cli.SyncCommand;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;

/** deploy/github-actions/jobform.yml: the steps call jobform the way its commands accept. */
class WorkflowTest {

    static final Path WORKFLOW = Path.of("..", "deploy", "github-actions", "jobform.yml");

    final Map<String, Object> workflow = CloudFormationYaml.load(TemplateTest.read(WORKFLOW));

    @SuppressWarnings("unchecked")
    List<String> runs(String job) {
        List<String> runs = new ArrayList<>();
        Map<String, Object> jobs = (Map<String, Object>) workflow.get("jobs");
        for (Object step : (List<Object>) ((Map<String, Object>) jobs.get(job)).get("steps")) {
            Object run = ((Map<String, Object>) step).get("run");
            if (run != null) {
                runs.add(run.toString().trim());
            }
        }
        return runs;
    }

    @Test
    void pullRequestsAreValidatedForAnnotationsAndPlannedIntoTheSummary() {
        assertThat(runs("check"))
                .anySatisfy(r -> assertThat(r).contains("jobform.jar validate --format github manifests/"))
                .anySatisfy(r -> assertThat(r).contains("plan --format markdown").contains(">> \"$GITHUB_STEP_SUMMARY\""));
        assertThat(TemplateTest.read(WORKFLOW)).contains("aws-actions/configure-aws-credentials@v4", "id-token: write");
        String plan = runs("check").stream().filter(r -> r.contains(" plan ")).findFirst().orElseThrow();
        String[] args = plan.substring(plan.indexOf(" plan ") + " plan ".length(), plan.indexOf(">>")).trim().split("\\s+");
        CommandLine.ParseResult parsed = new CommandLine(new PlanCommand()).parseArgs(args);
        assertThat(parsed.matchedOptionValue("--format", null).toString()).isEqualTo("markdown");
    }

    @Test
    void mainIsSyncedWithArgumentsTheSyncCommandAccepts() {
        String run = runs("sync").stream().filter(r -> r.contains(" sync ")).findFirst().orElseThrow();
        String[] args = run.substring(run.indexOf(" sync ") + " sync ".length())
                .replace("\"s3://${{ vars.JOBFORM_BUCKET }}/${{ vars.JOBFORM_PREFIX }}\"", "s3://example-bucket/manifests/")
                .split("\\s+");
        CommandLine.ParseResult parsed = new CommandLine(new SyncCommand()).parseArgs(args);
        assertThat(parsed.matchedPositionals()).hasSize(2);
        assertThat(parsed.matchedPositional(1).getValue().toString()).isEqualTo("s3://example-bucket/manifests/");
    }
}
