package readmetest

import (
	"context"
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"strings"
	"testing"
	"time"

	"github.com/stretchr/testify/require"
)

// snippetPreamble turns a README fragment into a compilable function body:
// fragments may use ctx, client and deviceID, as the README's prose says.
const snippetPreamble = `package main

import (
	"context"
	"errors"
	"fmt"
	"log"
	"log/slog"
	"time"

	"github.com/seamgo/seam-go/gen"
	"github.com/seamgo/seam-go/seam"
)

var (
	_ = context.Background
	_ = errors.Is
	_ = fmt.Println
	_ = log.Fatal
	_ = slog.Default
	_ = time.Now
	_ = gen.SpecSHA256
	_ = seam.New
)

func main() {}

func snippet(ctx context.Context, client *seam.Client, deviceID string) {
	_, _, _ = ctx, client, deviceID
%s
}
`

var goBlock = regexp.MustCompile("(?s)```go\n(.*?)```")

// TestREADMESamplesCompile extracts every ```go block of README.md and
// vets it: a block with "package main" as a program, one with another
// package clause as a test file, any other block as the body of a function
// that has ctx, client and deviceID.
func TestREADMESamplesCompile(t *testing.T) {
	root, err := filepath.Abs(filepath.Join("..", ".."))
	require.NoError(t, err)
	readme, err := os.ReadFile(filepath.Join(root, "README.md"))
	require.NoError(t, err)
	blocks := goBlock.FindAllStringSubmatch(string(readme), -1)
	require.NotEmpty(t, blocks, "README.md has no ```go block")

	// Inside the module, so that the samples import this very code; the
	// leading underscore keeps the directory out of ./... patterns.
	dir, err := os.MkdirTemp(".", "_snippets-")
	require.NoError(t, err)
	t.Cleanup(func() { os.RemoveAll(dir) })
	var pkgs []string
	for i, b := range blocks {
		src := b[1]
		file := "main.go"
		switch {
		case strings.HasPrefix(src, "package main\n"):
		case strings.HasPrefix(src, "package "):
			file = "sample_test.go" // a test file of the user's package
		default:
			src = fmt.Sprintf(snippetPreamble, src)
		}
		pkg := filepath.Join(dir, fmt.Sprintf("sample%02d", i+1))
		require.NoError(t, os.MkdirAll(pkg, 0o755))
		require.NoError(t, os.WriteFile(filepath.Join(pkg, file), []byte(src), 0o644))
		pkgs = append(pkgs, "./"+filepath.ToSlash(pkg))
	}
	ctx, cancel := context.WithTimeout(context.Background(), 3*time.Minute)
	defer cancel()
	cmd := exec.CommandContext(ctx, "go", append([]string{"vet"}, pkgs...)...)
	out, err := cmd.CombinedOutput()
	require.NoError(t, err, "README samples do not compile:\n%s", out)
	t.Logf("%d README samples compile", len(blocks))
}
