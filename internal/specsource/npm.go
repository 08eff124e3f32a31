package specsource

import (
	"bytes"
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"net/url"
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"strings"
	"time"
)

// specModule is the ES module in @seamapi/types whose default export is the spec.
const specModule = "package/lib/seam/connect/openapi.js"

// evalScript prints the default export of the module named by argv[1] as JSON.
const evalScript = `const m = await import(process.argv[1]); process.stdout.write(JSON.stringify(m.default));`

// npmSpecPattern accepts a registry package spec: a (possibly scoped) package
// name with an optional version, range or tag. It rejects paths, URLs and git
// specs, which npm would treat differently (and might run scripts for).
var npmSpecPattern = regexp.MustCompile(`^(@[a-z0-9][a-z0-9._~-]*/)?[a-z0-9][a-z0-9._~-]*(@[A-Za-z0-9.^~<>=|*+ -]+)?$`)

// maxExtractBytes caps the bytes extracted from an npm tarball.
const maxExtractBytes int64 = 512 << 20

// pullNPM packs the npm package named by spec, extracts it and evaluates its
// OpenAPI module with node. It returns the spec JSON and "npm:NAME@VERSION"
// with the version npm resolved.
func pullNPM(ctx context.Context, spec string, opts Options) ([]byte, string, error) {
	if !npmSpecPattern.MatchString(spec) {
		return nil, "", fmt.Errorf("invalid npm package spec %q: want NAME@VERSION, e.g. npm:@seamapi/types@1.977.0", spec)
	}
	npm, err := lookTool(opts.NPM, "npm", "to pack "+spec)
	if err != nil {
		return nil, "", err
	}
	node, err := lookTool(opts.Node, "node", "to evaluate the spec module of "+spec)
	if err != nil {
		return nil, "", err
	}

	dir, err := os.MkdirTemp("", "specsource-npm-")
	if err != nil {
		return nil, "", fmt.Errorf("create temporary directory: %w", err)
	}
	defer os.RemoveAll(dir)

	tarball, err := npmPack(ctx, npm, spec, dir, opts.NPMRegistry)
	if err != nil {
		return nil, "", err
	}
	root := filepath.Join(dir, "x")
	if err := extractTarball(tarball, root, wantedFromPackage, maxExtractBytes); err != nil {
		return nil, "", fmt.Errorf("extract %s: %w", filepath.Base(tarball), err)
	}
	name, version, err := readPackageJSON(filepath.Join(root, "package", "package.json"))
	if err != nil {
		return nil, "", fmt.Errorf("npm package %s: %w", spec, err)
	}
	source := npmPrefix + name + "@" + version

	module := filepath.Join(root, filepath.FromSlash(specModule))
	if _, err := os.Stat(module); err != nil {
		return nil, "", fmt.Errorf("npm package %s has no %s: %w", source, strings.TrimPrefix(specModule, "package/"), err)
	}
	raw, err := evalModule(ctx, node, module, root, opts.maxBytes())
	if err != nil {
		return nil, "", fmt.Errorf("evaluate spec module of %s: %w", source, err)
	}
	return raw, source, nil
}

// wantedFromPackage selects the tarball entries needed to evaluate the spec:
// the package manifest and the JavaScript under lib/.
func wantedFromPackage(name string) bool {
	return name == "package/package.json" ||
		(strings.HasPrefix(name, "package/lib/") && strings.HasSuffix(name, ".js"))
}

// lookTool finds an executable, explaining what it is needed for if missing.
func lookTool(configured, fallback, purpose string) (string, error) {
	name := configured
	if name == "" {
		name = fallback
	}
	path, err := exec.LookPath(name)
	if err != nil {
		return "", fmt.Errorf("%s not found (needed %s): %w; install Node.js (node and npm) or set %s to an http(s) URL or file:PATH", name, purpose, err, EnvVar)
	}
	return path, nil
}

// npmPack runs `npm pack` for spec into dir and returns the tarball's path.
// A non-empty registry replaces npm's configured registry.
func npmPack(ctx context.Context, npm, spec, dir, registry string) (string, error) {
	args := []string{"pack", spec, "--json", "--ignore-scripts", "--pack-destination", dir}
	if registry != "" {
		args = append(args, "--registry", registry)
	}
	cmd := exec.CommandContext(ctx, npm, args...)
	cmd.Dir = dir
	cmd.WaitDelay = 5 * time.Second
	var stdout, stderr bytes.Buffer
	cmd.Stdout = &stdout
	cmd.Stderr = &stderr
	if err := cmd.Run(); err != nil {
		if ctxErr := ctx.Err(); ctxErr != nil {
			err = ctxErr
		}
		return "", fmt.Errorf("npm pack %s: %w%s", spec, err, stderrTail(stderr.Bytes()))
	}
	var packed []struct {
		Filename string `json:"filename"`
	}
	if err := json.Unmarshal(stdout.Bytes(), &packed); err != nil {
		return "", fmt.Errorf("npm pack %s: parse its --json output: %w", spec, err)
	}
	if len(packed) != 1 || packed[0].Filename == "" {
		return "", fmt.Errorf("npm pack %s: expected one tarball, got %d", spec, len(packed))
	}
	// npm names scoped tarballs like "seamapi-types-1.0.0.tgz"; keep only the
	// base name so the output cannot point outside dir.
	tarball := filepath.Join(dir, filepath.Base(packed[0].Filename))
	if _, err := os.Stat(tarball); err != nil {
		return "", fmt.Errorf("npm pack %s: tarball missing: %w", spec, err)
	}
	return tarball, nil
}

// readPackageJSON returns the name and version recorded in a package.json.
func readPackageJSON(path string) (name, version string, err error) {
	data, err := os.ReadFile(path)
	if err != nil {
		return "", "", fmt.Errorf("read package.json: %w", err)
	}
	var pkg struct {
		Name    string `json:"name"`
		Version string `json:"version"`
	}
	if err := json.Unmarshal(data, &pkg); err != nil {
		return "", "", fmt.Errorf("parse package.json: %w", err)
	}
	if pkg.Name == "" || pkg.Version == "" {
		return "", "", errors.New("package.json lacks name or version")
	}
	return pkg.Name, pkg.Version, nil
}

// evalModule imports the ES module at path with node and returns the JSON of
// its default export, refusing output larger than limit.
func evalModule(ctx context.Context, node, path, dir string, limit int64) ([]byte, error) {
	moduleURL := (&url.URL{Scheme: "file", Path: filepath.ToSlash(path)}).String()
	cmd := exec.CommandContext(ctx, node, "--input-type=module", "-e", evalScript, "--", moduleURL)
	cmd.Dir = dir
	cmd.WaitDelay = 5 * time.Second
	stdout := &capWriter{limit: limit}
	var stderr bytes.Buffer
	cmd.Stdout = stdout
	cmd.Stderr = &stderr
	if err := cmd.Run(); err != nil {
		if stdout.exceeded {
			return nil, fmt.Errorf("output is more than the %d-byte limit", limit)
		}
		if ctxErr := ctx.Err(); ctxErr != nil {
			err = ctxErr
		}
		return nil, fmt.Errorf("node: %w%s", err, stderrTail(stderr.Bytes()))
	}
	return stdout.buf.Bytes(), nil
}

// capWriter collects up to limit bytes and fails once more are written.
type capWriter struct {
	buf      bytes.Buffer
	limit    int64
	exceeded bool
}

// Write implements io.Writer.
func (w *capWriter) Write(p []byte) (int, error) {
	if int64(w.buf.Len()+len(p)) > w.limit {
		w.exceeded = true
		return 0, errors.New("output limit exceeded")
	}
	return w.buf.Write(p)
}

// stderrTail formats the end of a tool's stderr for an error message.
func stderrTail(stderr []byte) string {
	const n = 2000
	s := strings.TrimSpace(string(stderr))
	if s == "" {
		return ""
	}
	if len(s) > n {
		s = "..." + s[len(s)-n:]
	}
	return ": " + s
}
