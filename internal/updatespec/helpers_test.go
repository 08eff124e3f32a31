package updatespec

import (
	"context"
	"crypto/sha256"
	"encoding/hex"
	"encoding/json"
	"io/fs"
	"os"
	"path/filepath"
	"testing"
	"time"

	"github.com/stretchr/testify/require"

	"github.com/seamgo/seam-go/internal/pipeline"
)

// repoRoot is the root of this checkout, seen from the package directory.
const repoRoot = "../.."

// moduleFiles are what the pipeline needs in a module root besides the spec
// and gen/: the module files, the generator pin and its configuration.
var moduleFiles = []string{"go.mod", "go.sum", "tools.go", pipeline.ConfigFile, "scripts/templates"}

// testTimeout bounds every test that runs the go command.
const testTimeout = 3 * time.Minute

// newModule copies moduleFiles and then extra (paths relative to the
// repository root) into a new temporary directory and returns it.
func newModule(t *testing.T, extra ...string) string {
	t.Helper()
	dst := t.TempDir()
	for _, rel := range append(append([]string{}, moduleFiles...), extra...) {
		copyPath(t, filepath.Join(repoRoot, filepath.FromSlash(rel)), filepath.Join(dst, filepath.FromSlash(rel)))
	}
	return dst
}

// copyPath copies the file or directory tree src to dst (a tree with
// os.CopyFS).
func copyPath(t *testing.T, src, dst string) {
	t.Helper()
	info, err := os.Stat(src)
	require.NoError(t, err)
	if info.IsDir() {
		require.NoError(t, os.CopyFS(dst, os.DirFS(src)))
		return
	}
	data, err := os.ReadFile(src)
	require.NoError(t, err)
	require.NoError(t, os.MkdirAll(filepath.Dir(dst), 0o755))
	require.NoError(t, os.WriteFile(dst, data, 0o644))
}

// snapshot maps every file under the given paths of root to its SHA-256.
func snapshot(t *testing.T, root string, paths ...string) map[string]string {
	t.Helper()
	sums := map[string]string{}
	for _, p := range paths {
		err := filepath.WalkDir(filepath.Join(root, p), func(path string, d fs.DirEntry, err error) error {
			if err != nil || d.IsDir() {
				return err
			}
			data, err := os.ReadFile(path)
			if err != nil {
				return err
			}
			sum := sha256.Sum256(data)
			rel, _ := filepath.Rel(root, path)
			sums[filepath.ToSlash(rel)] = hex.EncodeToString(sum[:])
			return nil
		})
		require.NoError(t, err)
	}
	return sums
}

// testdataSource is the file: source of a spec under testdata/.
func testdataSource(t *testing.T, name string) string {
	t.Helper()
	abs, err := filepath.Abs(filepath.Join("testdata", name))
	require.NoError(t, err)
	return "file:" + abs
}

// generateFrom runs the pipeline in root on source.
func generateFrom(t *testing.T, root, source string) *pipeline.Result {
	t.Helper()
	ctx, cancel := context.WithTimeout(context.Background(), testTimeout)
	defer cancel()
	res, err := pipeline.Run(ctx, pipeline.Options{Root: root, Source: source})
	require.NoError(t, err)
	return res
}

// writeUnder writes src to the file rel (slash-separated) under root,
// creating its directory.
func writeUnder(t *testing.T, root, rel, src string) {
	t.Helper()
	path := filepath.Join(root, filepath.FromSlash(rel))
	require.NoError(t, os.MkdirAll(filepath.Dir(path), 0o755))
	require.NoError(t, os.WriteFile(path, []byte(src), 0o644))
}

// readString returns the content of the file at path.
func readString(t *testing.T, path string) string {
	t.Helper()
	data, err := os.ReadFile(path)
	require.NoError(t, err)
	return string(data)
}

// readJSON decodes testdata/name.
func readJSON(t *testing.T, name string) map[string]any {
	t.Helper()
	var v map[string]any
	require.NoError(t, json.Unmarshal([]byte(readString(t, filepath.Join("testdata", name))), &v))
	return v
}

// marshal encodes v as JSON.
func marshal(t *testing.T, v any) string {
	t.Helper()
	data, err := json.Marshal(v)
	require.NoError(t, err)
	return string(data)
}
