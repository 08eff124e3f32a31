package seamfake

import (
	"errors"
	"os"
	"testing"
)

// StartT starts a fake for a test and stops it in t.Cleanup. When Node.js or
// npm is missing it skips the test, or fails it when CI=true; any other start
// failure fails the test.
func StartT(t testing.TB, opts ...Option) *Server {
	t.Helper()
	s, err := Start(t.Context(), opts...)
	if errors.Is(err, ErrPrerequisites) {
		if os.Getenv("CI") == "true" {
			t.Fatal(err)
		}
		t.Skip(err)
	}
	if err != nil {
		t.Fatalf("start fake Seam server: %v", err)
	}
	t.Cleanup(func() {
		if err := s.Close(); err != nil {
			t.Errorf("stop fake Seam server: %v", err)
		}
	})
	return s
}
