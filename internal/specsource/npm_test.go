package specsource

import (
	"context"
	"os"
	"os/exec"
	"path/filepath"
	"testing"
	"time"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// requireTool skips the test when tool is missing outside CI, and fails it in
// CI (CI=true), where the npm path must be exercised.
func requireTool(t *testing.T, tool string) {
	t.Helper()
	if _, err := exec.LookPath(tool); err != nil {
		if os.Getenv("CI") != "" {
			t.Fatalf("%s is required in CI: %v", tool, err)
		}
		t.Skipf("%s not installed (%v); this test runs in CI", tool, err)
	}
}

// TestPullNPM packs @seamapi/types from a local registry (a packument and a
// tarball built here), evaluates its spec module with node and checks what
// Pull makes of it. No request leaves the machine.
func TestPullNPM(t *testing.T) {
	requireTool(t, "npm")
	requireTool(t, "node")
	// npm's own cache and config stay out of the test.
	t.Setenv("npm_config_cache", t.TempDir())
	t.Setenv("npm_config_userconfig", filepath.Join(t.TempDir(), "npmrc"))
	t.Setenv("npm_config_update_notifier", "false")

	module := `const spec = {openapi: "3.0.0", info: {title: "t", version: "1.0.0"},
  paths: {"/b/list": {post: {}}, "/a/get": {get: {}}, "/c": {post: {}}}};
export default spec;`
	reg := newNPMRegistry(t, "@seamapi/types", "1.721.0", map[string]string{
		"package/package.json":                   `{"name":"@seamapi/types","version":"1.721.0","type":"module"}`,
		"package/lib/seam/connect/openapi.js":    module,
		"package/lib/seam/connect/unrelated.txt": "left out of the extraction",
	})

	start := time.Now()
	r, err := Pull(context.Background(), "npm:@seamapi/types@1.721.0", Options{Timeout: time.Minute, NPMRegistry: reg.URL + "/"})
	require.NoError(t, err)
	t.Logf("npm pull from the local registry took %s", time.Since(start).Round(time.Millisecond))

	assert.Equal(t, "npm:@seamapi/types@1.721.0", r.Source)
	assert.Equal(t, 3, r.Paths)
	assert.Equal(t, "3.0.0", r.OpenAPIVersion)
	assert.Contains(t, string(r.Canonical), `"/a/get"`)
	again, err := Canonicalize(r.Canonical)
	require.NoError(t, err)
	assert.Equal(t, r.Canonical, again, "result is canonical")
	assert.Contains(t, reg.served(), "/@seamapi/types", "npm asked the local registry for the packument")
	assert.Contains(t, reg.served(), "/@seamapi/types/-/types-1.721.0.tgz", "npm fetched the tarball from the local registry")

	// A version the registry does not have is an error naming the package.
	_, err = Pull(context.Background(), "npm:@seamapi/types@9.9.9", Options{Timeout: time.Minute, NPMRegistry: reg.URL + "/"})
	require.Error(t, err)
	assert.Contains(t, err.Error(), "npm pack @seamapi/types@9.9.9")
}

func TestPullNPMRejectsNonRegistrySpecs(t *testing.T) {
	for _, spec := range []string{"", "../pkg", "/tmp/pkg.tgz", "-g", "git+https://example.invalid/x.git", "https://example.invalid/x.tgz", "github:seamapi/types"} {
		_, err := Pull(context.Background(), "npm:"+spec, Options{NPM: "/nonexistent/npm"})
		require.Error(t, err, spec)
		assert.Contains(t, err.Error(), "invalid npm package spec", spec)
	}
}

func TestPullNPMMissingTools(t *testing.T) {
	_, err := Pull(context.Background(), "npm:@seamapi/types@1.721.0", Options{NPM: "/nonexistent/npm"})
	require.Error(t, err)
	assert.Contains(t, err.Error(), "/nonexistent/npm not found")
	assert.Contains(t, err.Error(), EnvVar)

	requireTool(t, "npm")
	_, err = Pull(context.Background(), "npm:@seamapi/types@1.721.0", Options{Node: "/nonexistent/node"})
	require.Error(t, err)
	assert.Contains(t, err.Error(), "/nonexistent/node not found")
}

func TestEvalModule(t *testing.T) {
	requireTool(t, "node")
	dir := t.TempDir()
	mod := writeFile(t, dir, "spec with space.mjs", `const spec = {openapi: "3.0.0", paths: {"/a": {}}, n: 2 ** 60}; export default spec;`)
	node, err := exec.LookPath("node")
	require.NoError(t, err)
	ctx, cancel := context.WithTimeout(context.Background(), time.Minute)
	defer cancel()

	out, err := evalModule(ctx, node, mod, dir, 1<<20)
	require.NoError(t, err)
	assert.JSONEq(t, `{"openapi":"3.0.0","paths":{"/a":{}},"n":1152921504606846976}`, string(out))

	_, err = evalModule(ctx, node, mod, dir, 10)
	require.Error(t, err)
	assert.Contains(t, err.Error(), "10-byte limit")

	broken := writeFile(t, dir, "broken.mjs", `export default ;`)
	_, err = evalModule(ctx, node, broken, dir, 1<<20)
	require.Error(t, err)
	assert.Contains(t, err.Error(), "SyntaxError")
}

func TestReadPackageJSON(t *testing.T) {
	dir := t.TempDir()
	name, version, err := readPackageJSON(writeFile(t, dir, "package.json", `{"name":"@seamapi/types","version":"1.977.0"}`))
	require.NoError(t, err)
	assert.Equal(t, "@seamapi/types", name)
	assert.Equal(t, "1.977.0", version)

	_, _, err = readPackageJSON(writeFile(t, dir, "bad.json", `{"name":"x"}`))
	require.Error(t, err)
	_, _, err = readPackageJSON(filepath.Join(dir, "missing.json"))
	require.Error(t, err)
}
