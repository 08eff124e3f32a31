package reporoot

import (
	"os"
	"path/filepath"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

func TestFindWalksUpToOwnModule(t *testing.T) {
	base := t.TempDir()
	require.NoError(t, os.WriteFile(filepath.Join(base, "go.mod"), []byte("module github.com/seamgo/seam-go\n\ngo 1.25\n"), 0o644))
	nested := filepath.Join(base, "a", "b")
	require.NoError(t, os.MkdirAll(nested, 0o755))
	// A go.mod of another module on the way must be passed over.
	require.NoError(t, os.WriteFile(filepath.Join(base, "a", "go.mod"), []byte("module example.com/other\n"), 0o644))

	root, err := Find(nested)
	require.NoError(t, err)
	assert.Equal(t, base, root)
}

func TestFindFailsOutsideTheRepository(t *testing.T) {
	_, err := Find(t.TempDir())
	require.Error(t, err)
	assert.Contains(t, err.Error(), ModulePath)
}

// TestFromWorkingDir: from internal/reporoot the walk stops at the
// repository root, two levels up.
func TestFromWorkingDir(t *testing.T) {
	want, err := filepath.Abs(filepath.Join("..", ".."))
	require.NoError(t, err)
	got, err := FromWorkingDir()
	require.NoError(t, err)
	assert.Equal(t, want, got)
	assert.FileExists(t, filepath.Join(got, "go.mod"))
}

func TestModulePath(t *testing.T) {
	cases := map[string]string{
		"module github.com/seamgo/seam-go\n":           "github.com/seamgo/seam-go",
		"// c\nmodule \"github.com/seamgo/seam-go\"\n": "github.com/seamgo/seam-go",
		"module\tx.org/y // comment\n":                 "x.org/y",
		"modules x\n":                                  "",
		"go 1.25\n":                                    "",
	}
	for in, want := range cases {
		assert.Equal(t, want, modulePath(in), "go.mod %q", in)
	}
}
