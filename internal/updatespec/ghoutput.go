package updatespec

import (
	"fmt"
	"os"
	"strconv"
	"strings"
)

// Outputs returns the step outputs of a GitHub Actions workflow for r, in a
// stable order: changed, breaking, verdict (with "-" for " ", e.g.
// "not-breaking"), source, sha256, changelog, pr_body, title and failed
// (true when go build or go test failed after regenerating: the pull
// request is then opened as a draft).
func Outputs(r *Result) [][2]string {
	title := "Update the Seam OpenAPI spec"
	if r.New.Source != "" {
		title += " to " + r.New.Source
	}
	return [][2]string{
		{"changed", strconv.FormatBool(r.Changed)},
		{"breaking", strconv.FormatBool(r.Breaking())},
		{"verdict", strings.ReplaceAll(r.Verdict, " ", "-")},
		{"source", r.New.Source},
		{"sha256", r.New.SHA256},
		{"changelog", r.ChangelogPath},
		{"pr_body", r.PRBodyPath},
		{"title", title},
		{"failed", strconv.FormatBool(r.CheckFailure != "")},
	}
}

// WriteGitHubOutput appends the Outputs of r as name=value lines to the file
// at path (the file named by $GITHUB_OUTPUT).
func WriteGitHubOutput(path string, r *Result) error {
	var b strings.Builder
	for _, kv := range Outputs(r) {
		if strings.ContainsAny(kv[1], "\r\n") {
			return fmt.Errorf("step output %s has a line break", kv[0])
		}
		fmt.Fprintf(&b, "%s=%s\n", kv[0], kv[1])
	}
	f, err := os.OpenFile(path, os.O_WRONLY|os.O_APPEND|os.O_CREATE, 0o644)
	if err != nil {
		return fmt.Errorf("open step outputs: %w", err)
	}
	if _, err := f.WriteString(b.String()); err != nil {
		f.Close()
		return fmt.Errorf("write step outputs: %w", err)
	}
	if err := f.Close(); err != nil {
		return fmt.Errorf("write step outputs: %w", err)
	}
	return nil
}
