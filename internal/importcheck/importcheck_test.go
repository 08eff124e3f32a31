package importcheck

import (
	"bytes"
	"context"
	"os"
	"os/exec"
	"slices"
	"strings"
	"testing"
	"time"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// module is this module's path.
const module = "github.com/seamgo/seam-go"

// public are the packages other modules import.
var public = []string{"./gen", "./seam"}

// allowedFile is the one list of the third-party modules that the public
// packages may pull in, read by this test and by scripts/vendor-check and
// scripts/consumer-deps.
const allowedFile = "allowed-modules.txt"

// allowedModules is every module a program importing the public packages
// may depend on: this module and the modules that allowedFile lists for
// each of scopes ("seam": the oapi-codegen runtime the generated code calls
// and the runtime's own dependencies; "webhook": what seam/webhook adds).
// Adding one is a decision: it makes every consumer download, vet and vendor
// it.
func allowedModules(t *testing.T, scopes ...string) []string {
	t.Helper()
	data, err := os.ReadFile(allowedFile)
	require.NoError(t, err)
	modules := []string{module}
	for i, line := range strings.Split(string(data), "\n") {
		line, _, _ = strings.Cut(line, "#")
		fields := strings.Fields(line)
		if len(fields) == 0 {
			continue
		}
		require.Len(t, fields, 2, "%s:%d: want SCOPE MODULE", allowedFile, i+1)
		require.Contains(t, []string{"seam", "webhook"}, fields[0], "%s:%d: unknown scope", allowedFile, i+1)
		if slices.Contains(scopes, fields[0]) {
			modules = append(modules, fields[1])
		}
	}
	return modules
}

// dep is one non-standard package in the dependency graph.
type dep struct{ pkg, module string }

// deps lists the non-standard packages that pkgs (by default the public
// packages) import, directly or not, when built for goos. Test files are not
// part of it.
func deps(t *testing.T, goos string, pkgs ...string) []dep {
	t.Helper()
	ctx, cancel := context.WithTimeout(context.Background(), 2*time.Minute)
	defer cancel()
	if len(pkgs) == 0 {
		pkgs = public
	}
	args := append([]string{"list", "-deps", "-f", "{{if not .Standard}}{{.ImportPath}} {{with .Module}}{{.Path}}{{end}}{{end}}"}, pkgs...)
	cmd := exec.CommandContext(ctx, "go", args...)
	cmd.Dir = "../.."
	cmd.Env = append(os.Environ(), "GOOS="+goos, "GOARCH=amd64", "CGO_ENABLED=0")
	var stderr bytes.Buffer
	cmd.Stderr = &stderr
	out, err := cmd.Output()
	require.NoError(t, err, "go list: %s", stderr.String())
	var list []dep
	for _, line := range strings.Split(strings.TrimSpace(string(out)), "\n") {
		if line == "" {
			continue
		}
		pkg, mod, _ := strings.Cut(line, " ")
		list = append(list, dep{pkg: pkg, module: mod})
	}
	return list
}

func TestPublicPackagesDependOnlyOnTheOAPIRuntime(t *testing.T) {
	for _, goos := range []string{"linux", "darwin", "windows"} {
		t.Run(goos, func(t *testing.T) {
			var modules []string
			for _, d := range deps(t, goos) {
				require.NotEmpty(t, d.module, "package %s is outside any module", d.pkg)
				modules = append(modules, d.module)
			}
			slices.Sort(modules)
			modules = slices.Compact(modules)
			assert.ElementsMatch(t, allowedModules(t, "seam"), modules,
				"the modules that importing seam and gen pulls in changed: update "+allowedFile+" only on purpose")
		})
	}
}

func TestPublicPackagesStayInGenAndSeam(t *testing.T) {
	var own []string
	for _, d := range deps(t, "linux") {
		if d.module != module {
			continue
		}
		own = append(own, d.pkg)
		inside := false
		for _, dir := range []string{"/gen", "/seam"} {
			if d.pkg == module+dir || strings.HasPrefix(d.pkg, module+dir+"/") {
				inside = true
			}
		}
		assert.True(t, inside, "%s is imported by the public packages but lives outside gen/ and seam/: copying those two directories would no longer vendor the client", d.pkg)
	}
	assert.Contains(t, own, module+"/gen")
	assert.Contains(t, own, module+"/seam")
}

// TestWebhookAddsOnlySvix pins what seam/webhook adds to the public
// packages: the Svix library and its one dependency (the "webhook" lines of
// allowedFile). Programs that do not
// import seam/webhook do not link them.
func TestWebhookAddsOnlySvix(t *testing.T) {
	var modules []string
	for _, d := range deps(t, "linux", "./seam/webhook") {
		modules = append(modules, d.module)
	}
	slices.Sort(modules)
	modules = slices.Compact(modules)
	assert.ElementsMatch(t, allowedModules(t, "seam", "webhook"), modules,
		"the modules that importing seam/webhook pulls in changed: update "+allowedFile+" only on purpose")
}

func TestGenIsSelfContained(t *testing.T) {
	ctx, cancel := context.WithTimeout(context.Background(), 2*time.Minute)
	defer cancel()
	cmd := exec.CommandContext(ctx, "go", "list", "-deps", "-f", "{{if not .Standard}}{{.ImportPath}}{{end}}", "./gen")
	cmd.Dir = "../.."
	out, err := cmd.Output()
	require.NoError(t, err)
	for _, pkg := range strings.Fields(string(out)) {
		if strings.HasPrefix(pkg, module+"/") {
			assert.Equal(t, module+"/gen", pkg, "gen must not import other packages of this module")
		}
	}
}

// TestSeamtestAddsNoModule pins seam/seamtest's scope: it adds no module to
// the public packages (only the standard library and internal/seamfake of
// this module), and ./seam does not import it, so a program importing only
// ./seam links none of it.
func TestSeamtestAddsNoModule(t *testing.T) {
	var modules []string
	for _, d := range deps(t, "linux", "./seam/seamtest") {
		modules = append(modules, d.module)
	}
	slices.Sort(modules)
	modules = slices.Compact(modules)
	assert.ElementsMatch(t, allowedModules(t, "seam"), modules,
		"the modules that importing seam/seamtest pulls in changed: seamtest must add none")
	for _, d := range deps(t, "linux") {
		assert.NotContains(t, d.pkg, "/seamtest", "the public packages import %s", d.pkg)
		assert.NotContains(t, d.pkg, "/internal/seamfake", "the public packages import %s", d.pkg)
	}
}
