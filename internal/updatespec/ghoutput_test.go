package updatespec

import (
	"os"
	"path/filepath"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/seamgo/seam-go/internal/specsource"
)

func TestWriteGitHubOutputAppends(t *testing.T) {
	path := filepath.Join(t.TempDir(), "out")
	require.NoError(t, os.WriteFile(path, []byte("earlier=1\n"), 0o644))
	res := &Result{
		Changed:       true,
		Verdict:       VerdictNotBreaking,
		New:           specsource.Meta{Source: "npm:@seamapi/types@1.977.0", SHA256: "abc"},
		ChangelogPath: "/x/CHANGELOG-spec.md",
		PRBodyPath:    "/x/pr-body.md",
	}
	require.NoError(t, WriteGitHubOutput(path, res))
	assert.Equal(t, `earlier=1
changed=true
breaking=false
verdict=not-breaking
source=npm:@seamapi/types@1.977.0
sha256=abc
changelog=/x/CHANGELOG-spec.md
pr_body=/x/pr-body.md
title=Update the Seam OpenAPI spec to npm:@seamapi/types@1.977.0
failed=false
`, readString(t, path))
}

func TestWriteGitHubOutputBreakingAndUnchanged(t *testing.T) {
	path := filepath.Join(t.TempDir(), "out")
	require.NoError(t, WriteGitHubOutput(path, &Result{Changed: true, Verdict: VerdictBreaking, CheckFailure: "$ go build ./...\nerror"}))
	require.NoError(t, WriteGitHubOutput(path, &Result{Verdict: VerdictNoChange}))
	out := readString(t, path)
	assert.Contains(t, out, "changed=true\nbreaking=true\nverdict=breaking\n")
	assert.Contains(t, out, "changed=false\nbreaking=false\nverdict=no-change\n")
	assert.Contains(t, out, "title=Update the Seam OpenAPI spec\nfailed=true\n")
	assert.Contains(t, out, "title=Update the Seam OpenAPI spec\nfailed=false\n")
}

func TestWriteGitHubOutputRefusesLineBreaks(t *testing.T) {
	path := filepath.Join(t.TempDir(), "out")
	err := WriteGitHubOutput(path, &Result{New: specsource.Meta{Source: "a\nevil=1"}})
	require.ErrorContains(t, err, "source")
	_, statErr := os.Stat(path)
	assert.True(t, os.IsNotExist(statErr), "nothing is written")
}
