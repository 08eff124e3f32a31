package specsource

import (
	"context"
	"io/fs"
	"os"
	"path/filepath"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

func TestWriteReadMeta(t *testing.T) {
	p := filepath.Join(t.TempDir(), "openapi.meta.json")
	m := Meta{Source: "npm:@seamapi/types@1.977.0", SHA256: "abc"}
	require.NoError(t, WriteMeta(p, m))

	data, err := os.ReadFile(p)
	require.NoError(t, err)
	assert.Equal(t, "{\n  \"sha256\": \"abc\",\n  \"source\": \"npm:@seamapi/types@1.977.0\"\n}\n", string(data))

	got, err := ReadMeta(p)
	require.NoError(t, err)
	assert.Equal(t, m, got)
}

func TestReadMetaMissing(t *testing.T) {
	_, err := ReadMeta(filepath.Join(t.TempDir(), "none.json"))
	require.ErrorIs(t, err, fs.ErrNotExist)
}

func TestNextMeta(t *testing.T) {
	r := &Result{SHA256: "same", Source: "file:openapi.json"}
	pinned := &Meta{Source: "npm:@seamapi/types@1.977.0", SHA256: "same"}

	assert.Equal(t, Meta{Source: "npm:@seamapi/types@1.977.0", SHA256: "same"}, NextMeta(pinned, r, "."), "same sha keeps source")
	assert.Equal(t, Meta{Source: "file:openapi.json", SHA256: "same"}, NextMeta(nil, r, "."), "no meta yet")
	changed := &Meta{Source: "npm:@seamapi/types@1.977.0", SHA256: "other"}
	assert.Equal(t, Meta{Source: "file:openapi.json", SHA256: "same"}, NextMeta(changed, r, "."), "new sha records new source")
}

// TestRepoSource: file: sources are recorded relative to the repository,
// whatever the working directory and however the path was given.
func TestRepoSource(t *testing.T) {
	repo := t.TempDir()
	sub := filepath.Join(repo, "specs")
	require.NoError(t, os.MkdirAll(sub, 0o755))

	assert.Equal(t, "file:specs/v2.json", RepoSource("file:"+filepath.Join(sub, "v2.json"), repo), "absolute path inside the repository")
	assert.Equal(t, "file:openapi.json", RepoSource("file:"+filepath.Join(repo, "openapi.json"), repo))
	assert.Equal(t, "file:../elsewhere/x.json", RepoSource("file:"+filepath.Join(filepath.Dir(repo), "elsewhere", "x.json"), repo), "outside the repository: still relative")
	t.Chdir(sub)
	assert.Equal(t, "file:specs/v2.json", RepoSource("file:v2.json", repo), "relative to the working directory")
	assert.Equal(t, "file:openapi.json", RepoSource("file:../openapi.json", ".."))
	for _, s := range []string{"npm:@seamapi/types@1.977.0", "https://connect.getseam.com/openapi.json", "file:"} {
		assert.Equal(t, s, RepoSource(s, repo), "left as it is")
	}
}

// TestStoreRecordsAbsoluteFileSourcesRelatively: the metadata of a spec
// pulled by absolute path names it relative to the repository.
func TestStoreRecordsAbsoluteFileSourcesRelatively(t *testing.T) {
	repo := t.TempDir()
	spec := writeFile(t, repo, "input.json", smallSpec)
	r, err := Pull(context.Background(), "file:"+spec, Options{})
	require.NoError(t, err)
	m, err := Store(filepath.Join(repo, "openapi.json"), filepath.Join(repo, "openapi.meta.json"), r)
	require.NoError(t, err)
	assert.Equal(t, "file:input.json", m.Source)
	meta, err := ReadMeta(filepath.Join(repo, "openapi.meta.json"))
	require.NoError(t, err)
	assert.Equal(t, m, meta)
	assert.NotContains(t, readMetaFile(t, repo), repo, "no absolute path in the file")
}

func readMetaFile(t *testing.T, repo string) string {
	t.Helper()
	data, err := os.ReadFile(filepath.Join(repo, "openapi.meta.json"))
	require.NoError(t, err)
	return string(data)
}

// TestStoreRepullKeepsSource re-pulls the stored spec from the file itself, as
// SEAM_OPENAPI_SOURCE=file:openapi.json would, and checks nothing changes.
func TestStoreRepullKeepsSource(t *testing.T) {
	dir := t.TempDir()
	t.Chdir(dir)
	writeFile(t, dir, "input.json", smallSpec)

	first, err := Pull(context.Background(), "file:input.json", Options{})
	require.NoError(t, err)
	first.Source = "npm:@seamapi/types@1.977.0" // as if it had come from npm
	m, err := Store("openapi.json", "openapi.meta.json", first)
	require.NoError(t, err)
	assert.Equal(t, "npm:@seamapi/types@1.977.0", m.Source)
	specBefore, err := os.ReadFile("openapi.json")
	require.NoError(t, err)
	metaBefore, err := os.ReadFile("openapi.meta.json")
	require.NoError(t, err)

	again, err := Pull(context.Background(), "file:openapi.json", Options{})
	require.NoError(t, err)
	m2, err := Store("openapi.json", "openapi.meta.json", again)
	require.NoError(t, err)
	assert.Equal(t, m, m2)

	specAfter, err := os.ReadFile("openapi.json")
	require.NoError(t, err)
	metaAfter, err := os.ReadFile("openapi.meta.json")
	require.NoError(t, err)
	assert.Equal(t, specBefore, specAfter)
	assert.Equal(t, metaBefore, metaAfter)

	// A different spec records its own source.
	writeFile(t, dir, "changed.json", `{"openapi":"3.0.0","paths":{"/only":{}}}`)
	changed, err := Pull(context.Background(), "file:changed.json", Options{})
	require.NoError(t, err)
	m3, err := Store("openapi.json", "openapi.meta.json", changed)
	require.NoError(t, err)
	assert.Equal(t, Meta{Source: "file:changed.json", SHA256: changed.SHA256}, m3)
}

func TestStoreCorruptMetaWritesNothing(t *testing.T) {
	dir := t.TempDir()
	spec := writeFile(t, dir, "openapi.json", "old spec")
	meta := writeFile(t, dir, "openapi.meta.json", "not json")
	r, err := newResult([]byte(smallSpec), "file:x")
	require.NoError(t, err)

	_, err = Store(spec, meta, r)
	require.Error(t, err)
	data, err := os.ReadFile(spec)
	require.NoError(t, err)
	assert.Equal(t, "old spec", string(data))
}
