package specsource

import (
	"archive/tar"
	"bytes"
	"compress/gzip"
	"os"
	"path/filepath"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

type tarEntry struct {
	name     string
	typeflag byte
	body     string
}

// writeTarball writes a gzipped tarball of entries to a new file in dir.
func writeTarball(t *testing.T, dir string, entries []tarEntry) string {
	t.Helper()
	var buf bytes.Buffer
	gz := gzip.NewWriter(&buf)
	tw := tar.NewWriter(gz)
	for _, e := range entries {
		hdr := &tar.Header{Name: e.name, Typeflag: e.typeflag, Mode: 0o644, Size: int64(len(e.body))}
		if e.typeflag == tar.TypeSymlink {
			hdr.Linkname, hdr.Size = e.body, 0
		}
		require.NoError(t, tw.WriteHeader(hdr))
		if hdr.Size > 0 {
			_, err := tw.Write([]byte(e.body))
			require.NoError(t, err)
		}
	}
	require.NoError(t, tw.Close())
	require.NoError(t, gz.Close())
	p := filepath.Join(dir, "pkg.tgz")
	require.NoError(t, os.WriteFile(p, buf.Bytes(), 0o644))
	return p
}

func TestExtractTarballSelectsWantedFiles(t *testing.T) {
	dir := t.TempDir()
	tgz := writeTarball(t, dir, []tarEntry{
		{name: "package/package.json", typeflag: tar.TypeReg, body: `{"name":"x","version":"1.0.0"}`},
		{name: "package/lib/seam/connect/openapi.js", typeflag: tar.TypeReg, body: "export default {}"},
		{name: "package/lib/seam/connect/openapi.js.map", typeflag: tar.TypeReg, body: "{}"},
		{name: "package/README.md", typeflag: tar.TypeReg, body: "hi"},
		{name: "package/lib/link.js", typeflag: tar.TypeSymlink, body: "/etc/passwd"},
	})
	dest := filepath.Join(dir, "out")
	require.NoError(t, extractTarball(tgz, dest, wantedFromPackage, 1<<20))

	data, err := os.ReadFile(filepath.Join(dest, "package", "lib", "seam", "connect", "openapi.js"))
	require.NoError(t, err)
	assert.Equal(t, "export default {}", string(data))
	assert.FileExists(t, filepath.Join(dest, "package", "package.json"))
	assert.NoFileExists(t, filepath.Join(dest, "package", "README.md"))
	assert.NoFileExists(t, filepath.Join(dest, "package", "lib", "seam", "connect", "openapi.js.map"))
	_, err = os.Lstat(filepath.Join(dest, "package", "lib", "link.js"))
	assert.ErrorIs(t, err, os.ErrNotExist, "symlinks are not extracted")
}

func TestExtractTarballRejectsTraversal(t *testing.T) {
	for _, name := range []string{"../evil.js", "package/../../evil.js", "/abs/evil.js"} {
		t.Run(name, func(t *testing.T) {
			dir := t.TempDir()
			tgz := writeTarball(t, dir, []tarEntry{{name: name, typeflag: tar.TypeReg, body: "x"}})
			dest := filepath.Join(dir, "a", "b")
			err := extractTarball(tgz, dest, func(string) bool { return true }, 1<<20)
			require.Error(t, err)
			assert.Contains(t, err.Error(), "escapes the extraction directory")
			assert.NoFileExists(t, filepath.Join(dir, "a", "evil.js"))
			assert.NoFileExists(t, filepath.Join(dir, "evil.js"))
		})
	}
}

func TestExtractTarballSizeCap(t *testing.T) {
	dir := t.TempDir()
	tgz := writeTarball(t, dir, []tarEntry{
		{name: "package/lib/a.js", typeflag: tar.TypeReg, body: "0123456789"},
		{name: "package/lib/b.js", typeflag: tar.TypeReg, body: "0123456789"},
	})
	err := extractTarball(tgz, filepath.Join(dir, "out"), wantedFromPackage, 15)
	require.Error(t, err)
	assert.Contains(t, err.Error(), "exceed 15 bytes")
}
