package importcheck

import (
	"bytes"
	"context"
	"os/exec"
	"slices"
	"strings"
	"testing"
	"time"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// rooms says, for each package of the client (docs/architecture.md), the
// packages it may import besides the standard library: this module's
// packages by their path inside the module, and other modules' packages by
// their full path. Anything else is a test failure: a rule that starts to
// import seam or gen, gen that starts to import seam, the decoder that
// starts to depend on the generated types.
var rooms = map[string][]string{
	// The generated types and client: the oapi-codegen runtime only.
	"gen": {"github.com/oapi-codegen/nullable", "github.com/oapi-codegen/runtime", "github.com/oapi-codegen/runtime/types"},
	// The access-code rules: pure functions over values, standard library only.
	"seam/internal/accessrules": {},
	// The client: the generated code and the rules.
	"seam": {"gen", "seam/internal/accessrules", "github.com/go-json-experiment/json/v1", "github.com/oapi-codegen/nullable", "github.com/oapi-codegen/runtime/types"},
	// Webhook verification: the client's event types and Svix.
	"seam/webhook": {"seam", "github.com/svix/svix-webhooks/go"},
	// Test doubles for users' tests: the client, and the harness that runs
	// the official fake.
	"seam/seamtest": {"seam", "internal/seamfake"},
}

// TestRoomsImportOnlyWhatTheyMay checks the direct imports of every package
// under gen/ and seam/ against rooms, and that rooms lists every such
// package.
func TestRoomsImportOnlyWhatTheyMay(t *testing.T) {
	ctx, cancel := context.WithTimeout(context.Background(), 2*time.Minute)
	defer cancel()
	cmd := exec.CommandContext(ctx, "go", "list", "-f", `{{.ImportPath}}{{range .Imports}} {{.}}{{end}}`, "./gen/...", "./seam/...")
	cmd.Dir = "../.."
	var stderr bytes.Buffer
	cmd.Stderr = &stderr
	out, err := cmd.Output()
	require.NoError(t, err, "go list: %s", stderr.String())
	seen := map[string]bool{}
	for _, line := range strings.Split(strings.TrimSpace(string(out)), "\n") {
		fields := strings.Fields(line)
		pkg := strings.TrimPrefix(fields[0], module+"/")
		seen[pkg] = true
		allowed, ok := rooms[pkg]
		if !assert.True(t, ok, "package %s is in no room: add it to rooms (and to docs/architecture.md)", pkg) {
			continue
		}
		for _, imp := range fields[1:] {
			if !strings.Contains(strings.SplitN(imp, "/", 2)[0], ".") {
				continue // standard library
			}
			assert.True(t, slices.Contains(allowed, strings.TrimPrefix(imp, module+"/")),
				"%s imports %s, which its room does not allow (see docs/architecture.md)", pkg, imp)
		}
	}
	for pkg := range rooms {
		assert.True(t, seen[pkg], "rooms lists %s, which no longer exists", pkg)
	}
}
