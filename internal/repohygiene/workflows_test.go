package repohygiene

import (
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"

	"gopkg.in/yaml.v3"
)

// workflow is the part of a GitHub Actions workflow the tests look at.
type workflow struct {
	On          map[string]any    `yaml:"on"`
	Permissions map[string]string `yaml:"permissions"`
	Jobs        map[string]struct {
		RunsOn string `yaml:"runs-on"`
		Needs  any    `yaml:"needs"`
		Steps  []step `yaml:"steps"`
	} `yaml:"jobs"`
}

type step struct {
	ID              string            `yaml:"id"`
	Name            string            `yaml:"name"`
	Uses            string            `yaml:"uses"`
	Run             string            `yaml:"run"`
	If              string            `yaml:"if"`
	ContinueOnError bool              `yaml:"continue-on-error"`
	With            map[string]string `yaml:"with"`
}

// readWorkflow parses .github/workflows/name strictly (unknown keys of the
// mapped parts are fine; YAML errors are not).
func readWorkflow(t *testing.T, name string) workflow {
	t.Helper()
	data, err := os.ReadFile(filepath.Join("..", "..", ".github", "workflows", name))
	if err != nil {
		t.Fatal(err)
	}
	var w workflow
	if err := yaml.Unmarshal(data, &w); err != nil {
		t.Fatalf("%s is not valid YAML for a workflow: %v", name, err)
	}
	if len(w.On) == 0 || len(w.Jobs) == 0 {
		t.Fatalf("%s: no triggers or no jobs", name)
	}
	for id, j := range w.Jobs {
		if j.RunsOn == "" || len(j.Steps) == 0 {
			t.Errorf("%s: job %s has no runs-on or no steps", name, id)
		}
	}
	return w
}

// stepIndex returns the index of the first step whose run or uses contains
// s, or -1.
func stepIndex(steps []step, s string) int {
	return slices.IndexFunc(steps, func(st step) bool { return strings.Contains(st.Run, s) || strings.Contains(st.Uses, s) })
}

// TestCIWorkflowRunsTestAndPipelineApart: make test (offline, through
// .ci/run) and make check-pipeline are separate jobs.
func TestCIWorkflowRunsTestAndPipelineApart(t *testing.T) {
	w := readWorkflow(t, "ci.yml")
	test, ok := w.Jobs["test"]
	if !ok || stepIndex(test.Steps, "bash .ci/run") < 0 {
		t.Errorf("ci.yml: no test job running bash .ci/run")
	}
	pipeline, ok := w.Jobs["check-pipeline"]
	if !ok || stepIndex(pipeline.Steps, "make check-pipeline") < 0 {
		t.Errorf("ci.yml: no check-pipeline job running make check-pipeline")
	}
}

// TestRegenerateWorkflowOpensAPullRequestEvenWhenTheBuildFails checks what
// the regenerate workflow needs and does: its permissions, the pipeline
// check before the update, an update step that does not stop the job, and a
// pull request opened as a draft labelled breaking when the update failed.
func TestRegenerateWorkflowOpensAPullRequestEvenWhenTheBuildFails(t *testing.T) {
	w := readWorkflow(t, "regenerate.yml")
	for _, p := range []string{"contents", "pull-requests", "issues"} {
		if w.Permissions[p] != "write" {
			t.Errorf("regenerate.yml: permissions.%s = %q, want write", p, w.Permissions[p])
		}
	}
	steps := w.Jobs["regenerate"].Steps
	check, update, pr := stepIndex(steps, "make check-pipeline"), stepIndex(steps, "scripts/update-spec"), stepIndex(steps, "peter-evans/create-pull-request")
	if check < 0 || update < 0 || pr < 0 || !(check < update && update < pr) {
		t.Fatalf("regenerate.yml: want check-pipeline, then update-spec, then the pull request; indexes %d, %d, %d", check, update, pr)
	}
	u := steps[update]
	if u.ID != "update" || !u.ContinueOnError {
		t.Errorf("regenerate.yml: the update step must have id update and continue-on-error (got id %q, %v)", u.ID, u.ContinueOnError)
	}
	p := steps[pr]
	if p.If != "steps.update.outputs.changed == 'true'" {
		t.Errorf("regenerate.yml: the pull request step runs if %q", p.If)
	}
	if !strings.Contains(p.With["draft"], "steps.update.outputs.failed == 'true'") {
		t.Errorf("regenerate.yml: draft = %q, want it set from outputs.failed", p.With["draft"])
	}
	if !strings.Contains(p.With["labels"], "breaking") || !strings.Contains(p.With["token"], "secrets.REGENERATE_TOKEN") {
		t.Errorf("regenerate.yml: labels %q, token %q", p.With["labels"], p.With["token"])
	}
	last := steps[len(steps)-1]
	if last.If != "steps.update.outcome == 'failure'" || !strings.Contains(last.Run, "exit 1") {
		t.Errorf("regenerate.yml: the last step must fail the job when the update failed; got if %q", last.If)
	}
}
