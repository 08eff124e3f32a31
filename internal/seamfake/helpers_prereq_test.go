package seamfake

import (
	"errors"
	"os"
	"testing"
)

// requireTools skips a test that starts the fake by hand when Node.js or npm
// is missing, as StartT does: outside CI only (under CI=true it fails).
func requireTools(t *testing.T) {
	t.Helper()
	if _, err := findTools(t.Context()); errors.Is(err, ErrPrerequisites) {
		if os.Getenv("CI") == "true" {
			t.Fatal(err)
		}
		t.Skip(err)
	}
}
