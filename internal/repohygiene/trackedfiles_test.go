package repohygiene

import (
	"bytes"
	"errors"
	"fmt"
	"io"
	"io/fs"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"
)

// maxTrackedBytes is the largest file the repository may track, except the
// files allowed by isLargeAllowed: every tracked file ships in the module zip
// each consumer downloads.
const maxTrackedBytes = 1 << 20

// isLargeAllowed reports whether a tracked file may exceed maxTrackedBytes:
// the committed spec and the generated package.
func isLargeAllowed(path string) bool {
	return path == "openapi.json" || strings.HasPrefix(path, "gen/")
}

// executableMagic holds the leading bytes of the executable formats the
// repository must not track, with their names.
var executableMagic = []struct {
	name  string
	magic []byte
}{
	{"ELF", []byte{0x7f, 'E', 'L', 'F'}},
	{"Mach-O 32-bit", []byte{0xfe, 0xed, 0xfa, 0xce}},
	{"Mach-O 64-bit", []byte{0xfe, 0xed, 0xfa, 0xcf}},
	{"Mach-O 32-bit (little-endian)", []byte{0xce, 0xfa, 0xed, 0xfe}},
	{"Mach-O 64-bit (little-endian)", []byte{0xcf, 0xfa, 0xed, 0xfe}},
	{"Mach-O universal", []byte{0xca, 0xfe, 0xba, 0xbe}},
	{"PE (Windows)", []byte{'M', 'Z'}},
}

// executableKind returns the executable format whose magic number starts
// head, or "" when there is none.
func executableKind(head []byte) string {
	for _, m := range executableMagic {
		if bytes.HasPrefix(head, m.magic) {
			return m.name
		}
	}
	return ""
}

// trackedFileProblem returns why the tracked file at path (relative to the
// repository root) must not be tracked, or "" when it is fine.
func trackedFileProblem(root, path string) (string, error) {
	full := filepath.Join(root, filepath.FromSlash(path))
	info, err := os.Lstat(full)
	if errors.Is(err, fs.ErrNotExist) {
		return "", nil // deleted in the working tree, not committed yet
	}
	if err != nil {
		return "", err
	}
	if !info.Mode().IsRegular() {
		return "", nil
	}
	if info.Size() > maxTrackedBytes && !isLargeAllowed(path) {
		return fmt.Sprintf("%d bytes, over the %d-byte limit for tracked files", info.Size(), maxTrackedBytes), nil
	}
	f, err := os.Open(full)
	if err != nil {
		return "", err
	}
	defer f.Close()
	head := make([]byte, 8)
	n, err := io.ReadFull(f, head)
	if err != nil && !errors.Is(err, io.ErrUnexpectedEOF) && !errors.Is(err, io.EOF) {
		return "", err
	}
	if kind := executableKind(head[:n]); kind != "" {
		return "a " + kind + " executable (build outputs belong in .gitignore)", nil
	}
	return "", nil
}

// gitTrackedFiles lists the files git tracks in the repository holding the
// working directory, and returns the repository root. Without git, or
// outside a checkout, the test fails in CI and is skipped elsewhere.
func gitTrackedFiles(t *testing.T) (root string, files []string) {
	t.Helper()
	need := func(format string, args ...any) {
		t.Helper()
		if os.Getenv("CI") != "" {
			t.Fatalf(format+" (required in CI)", args...)
		}
		t.Skipf(format+"; this test runs in CI", args...)
	}
	if _, err := exec.LookPath("git"); err != nil {
		need("git not found: %v", err)
	}
	out, err := exec.Command("git", "rev-parse", "--show-toplevel").Output()
	if err != nil {
		need("not inside a git checkout: %v", err)
	}
	root = strings.TrimSpace(string(out))
	out, err = exec.Command("git", "-C", root, "ls-files", "-z", "--cached").Output()
	if err != nil {
		t.Fatalf("git ls-files: %v", err)
	}
	for _, f := range strings.Split(string(out), "\x00") {
		if f != "" {
			files = append(files, f)
		}
	}
	if len(files) == 0 {
		t.Fatal("git ls-files listed no file")
	}
	return root, files
}

// TestNoTrackedBinaryOrLargeFile fails on any tracked executable (ELF,
// Mach-O, PE) and on any tracked file over 1 MiB other than openapi.json
// and gen/: they would ship in every consumer's module download.
func TestNoTrackedBinaryOrLargeFile(t *testing.T) {
	root, files := gitTrackedFiles(t)
	for _, f := range files {
		problem, err := trackedFileProblem(root, f)
		if err != nil {
			t.Errorf("%s: %v", f, err)
			continue
		}
		if problem != "" {
			t.Errorf("tracked file %s: %s; remove it with git rm --cached", f, problem)
		}
	}
	t.Logf("checked %d tracked files", len(files))
}

// TestTrackedFileProblem checks the rule itself on files made here: the
// executables, the size limit and its two exceptions.
func TestTrackedFileProblem(t *testing.T) {
	root := t.TempDir()
	write := func(name string, data []byte) {
		t.Helper()
		p := filepath.Join(root, filepath.FromSlash(name))
		if err := os.MkdirAll(filepath.Dir(p), 0o755); err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(p, data, 0o644); err != nil {
			t.Fatal(err)
		}
	}
	big := bytes.Repeat([]byte("{}\n"), maxTrackedBytes/3+1)
	write("demo", append([]byte{0x7f, 'E', 'L', 'F', 2, 1, 1}, make([]byte, 64)...))
	write("tool.exe", []byte("MZ\x90\x00rest"))
	write("mac", []byte{0xcf, 0xfa, 0xed, 0xfe, 7, 0, 0, 1})
	write("docs/big.json", big)
	write("openapi.json", big)
	write("gen/seam.gen.go", big)
	write("small.go", []byte("package x\n"))
	write("empty", nil)

	want := map[string]string{
		"demo":            "ELF",
		"tool.exe":        "PE",
		"mac":             "Mach-O 64-bit",
		"docs/big.json":   "over the 1048576-byte limit",
		"openapi.json":    "",
		"gen/seam.gen.go": "",
		"small.go":        "",
		"empty":           "",
		"deleted.go":      "",
	}
	for name, wantSub := range want {
		got, err := trackedFileProblem(root, name)
		if err != nil {
			t.Fatalf("%s: %v", name, err)
		}
		if wantSub == "" && got != "" || wantSub != "" && !strings.Contains(got, wantSub) {
			t.Errorf("%s: problem %q, want one containing %q", name, got, wantSub)
		}
	}
}
